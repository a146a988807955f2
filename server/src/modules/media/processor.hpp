#pragma once
#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "db/pool.hpp"
#include "infra/blocking.hpp"
#include "infra/storage/storage.hpp"
#include "modules/media/repository.hpp"

namespace service::media {

/// Turns an uploaded original into its variants, off the I/O threads: at most `workers` photos
/// at once on this node (each holds a decoded image's working set), on a pool of its own so a
/// burst of uploads never makes password hashing wait for image work.
///
/// A photo being processed holds a lease (lease_until, kLease ahead, renewed every kRenewEvery).
/// A node that dies (SIGKILL) stops renewing it; every node's sweeper claims photos whose lease
/// ran out and processes them again, so a crash delays a photo by about half a minute (keys are deterministic, so a
/// second run overwrites the first). After three attempts the photo fails with processing_error. The sweeper also
/// deletes what nobody completed or used within 24 hours, files first.
class Processor {
  public:
    static constexpr std::chrono::seconds kLease{30};
    static constexpr std::chrono::seconds kRenewEvery{10};
    static constexpr int kMaxAttempts = 3;

    Processor(db::Pool& pool, const Repository& repository, infra::storage::Storage& storage, const core::Clock& clock,
              int workers, std::chrono::milliseconds sweep_every);

    /// Starts the sweeper on `executor`; stop() ends it.
    void start(net::any_io_executor executor);
    void stop();
    /// Processes the photo (already marked processing with a lease) in the background.
    void enqueue(std::string id);
    /// The same processing, awaited: done when the row is ready or failed (or, after an error
    /// the sweeper will retry, still processing). For trusted imports; start() is not needed.
    net::awaitable<void> process_now(std::string id);
    /// Runs one sweep now: stale leases, then abandoned media. For tests and the sweeper.
    net::awaitable<void> sweep();

  private:
    net::awaitable<void> process(std::string id, int attempt);
    net::awaitable<void> sweep_loop();
    struct Renewal;
    net::awaitable<void> renew_while(std::string id, std::shared_ptr<Renewal> renewal);

    db::Pool& pool_;
    const Repository& repository_;
    infra::storage::Storage& storage_;
    const core::Clock& clock_;
    std::chrono::milliseconds sweep_every_;
    infra::BlockingPool workers_;
    net::any_io_executor executor_;
    std::atomic<bool> stopped_{false};
};

}  // namespace service::media
