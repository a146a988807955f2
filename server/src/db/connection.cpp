#include "db/connection.hpp"

#include <boost/asio/experimental/awaitable_operators.hpp>

#include "core/log.hpp"

namespace service::db {
namespace {

using namespace boost::asio::experimental::awaitable_operators;

void notice_receiver(void* /*arg*/, const PGresult* res) {
    const char* message = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    const char* severity = PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
    // NOTICEs such as "extension already exists" are routine; keep them out of stderr.
    core::log::debug("postgres notice", {{"severity", severity ? severity : ""}, {"message", message ? message : ""}});
}

/// The typed exception for a failed result; `sqlstate` receives its SQLSTATE.
std::exception_ptr result_error(const PGresult* res, std::string& sqlstate) {
    const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    sqlstate = state ? state : "";
    const char* constraint = PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME);
    const char* message = PQresultErrorMessage(res);
    std::string text = message ? message : "unknown database error";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return make_error(text, sqlstate, constraint ? constraint : "");
}

}  // namespace

Connection::Connection(net::any_io_executor executor) : executor_(std::move(executor)) {}

Connection::~Connection() {
    detach_socket();
    if (conn_ != nullptr) PQfinish(conn_);
}

void Connection::attach_socket() {
    const int fd = PQsocket(conn_);
    if (fd == socket_fd_ && socket_) return;
    detach_socket();
    if (fd < 0) return;
    socket_.emplace(executor_, fd);
    socket_fd_ = fd;
}

void Connection::detach_socket() {
    // libpq owns the descriptor: release it so Asio never closes it.
    if (socket_) {
        boost::system::error_code ec;
        socket_->cancel(ec);
        socket_->release();
        socket_.reset();
    }
    socket_fd_ = -1;
}

void Connection::fail(const std::string& what) {
    broken_ = true;
    const char* message = conn_ ? PQerrorMessage(conn_) : "";
    std::string text = what + ": " + (message ? message : "");
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    throw Unavailable(text);
}

net::awaitable<void> Connection::wait(net::posix::descriptor_base::wait_type type) {
    if (!socket_) fail("connection has no socket");
    auto [ec] = co_await socket_->async_wait(type, kUseTuple);
    if (ec) {
        broken_ = true;
        throw Unavailable("waiting on the database socket failed: " + ec.message());
    }
}

net::awaitable<void> Connection::connect(std::string conninfo, std::chrono::milliseconds timeout) {
    conn_ = PQconnectStart(conninfo.c_str());
    if (conn_ == nullptr) throw Unavailable("out of memory creating a database connection");
    if (PQstatus(conn_) == CONNECTION_BAD) fail("cannot connect to PostgreSQL");
    PQsetNoticeReceiver(conn_, &notice_receiver, nullptr);

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    net::steady_timer timer(executor_);
    auto poll = PGRES_POLLING_WRITING;
    while (poll != PGRES_POLLING_OK) {
        if (poll == PGRES_POLLING_FAILED) fail("cannot connect to PostgreSQL");
        // The socket can change between steps (e.g. trying the next host address).
        attach_socket();
        timer.expires_at(deadline);
        const auto type = poll == PGRES_POLLING_READING ? net::posix::descriptor_base::wait_read
                                                        : net::posix::descriptor_base::wait_write;
        auto outcome = co_await (wait(type) || timer.async_wait(net::use_awaitable));
        if (outcome.index() == 1) {
            broken_ = true;
            throw Unavailable("timed out connecting to PostgreSQL");
        }
        poll = PQconnectPoll(conn_);
    }
    attach_socket();
    if (PQsetnonblocking(conn_, 1) != 0) fail("cannot make the connection non-blocking");
}

net::awaitable<void> Connection::flush() {
    for (;;) {
        const int r = PQflush(conn_);
        if (r == 0) co_return;
        if (r < 0) fail("sending to PostgreSQL failed");
        // Wait until we can write more, but keep reading too: a server blocked on a full
        // output buffer would otherwise never drain ours.
        auto which =
            co_await (wait(net::posix::descriptor_base::wait_write) || wait(net::posix::descriptor_base::wait_read));
        if (which.index() == 1 && PQconsumeInput(conn_) == 0) fail("reading from PostgreSQL failed");
    }
}

net::awaitable<PGresult*> Connection::next_result() {
    while (PQisBusy(conn_) != 0) {
        co_await wait(net::posix::descriptor_base::wait_read);
        if (PQconsumeInput(conn_) == 0) fail("reading from PostgreSQL failed");
    }
    co_return PQgetResult(conn_);
}

net::awaitable<Result> Connection::query(Statement statement, Params params) {
    if (broken_ || PQstatus(conn_) != CONNECTION_OK) fail("connection is not usable");
    if (PQenterPipelineMode(conn_) != 1) fail("cannot enter pipeline mode");
    const std::string name(statement.name);
    const bool prepare = !prepared_.contains(name);
    if (prepare) {
        const std::string sql(statement.sql);
        if (PQsendPrepare(conn_, name.c_str(), sql.c_str(), params.size(), nullptr) != 1) fail("cannot send PREPARE");
    }
    const auto values = params.pointers();
    if (PQsendQueryPrepared(conn_, name.c_str(), params.size(), values.data(), nullptr, nullptr, 0) != 1) {
        fail("cannot send the statement");
    }
    if (PQpipelineSync(conn_) != 1) fail("cannot send the pipeline sync");
    co_await flush();

    // Results arrive per command, each list ended by nullptr, then the sync marker.
    std::exception_ptr error;
    std::string error_state;
    Result result;
    const int commands = prepare ? 2 : 1;
    for (int command = 0; command < commands; ++command) {
        while (PGresult* raw = co_await next_result()) {
            Result owned(raw);
            const auto status = PQresultStatus(raw);
            if (status == PGRES_FATAL_ERROR) {
                if (!error) error = result_error(raw, error_state);
            } else if (status == PGRES_PIPELINE_ABORTED) {
                if (!error) error = std::make_exception_ptr(Error("statement skipped after an earlier error", ""));
            } else if (prepare && command == 0) {
                prepared_.insert(name);
            } else {
                result = std::move(owned);
            }
        }
    }
    PGresult* sync = co_await next_result();
    const bool synced = sync != nullptr && PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
    if (sync != nullptr) PQclear(sync);
    if (!synced || PQexitPipelineMode(conn_) != 1) fail("pipeline out of step");
    if (error) {
        if (PQstatus(conn_) != CONNECTION_OK || is_connection_loss(error_state)) broken_ = true;
        std::rethrow_exception(error);
    }
    co_return result;
}

net::awaitable<void> Connection::execute(std::string_view sql) {
    if (broken_ || PQstatus(conn_) != CONNECTION_OK) fail("connection is not usable");
    const std::string text(sql);
    if (PQsendQuery(conn_, text.c_str()) != 1) fail("cannot send the query");
    co_await flush();
    std::exception_ptr error;
    std::string error_state;
    while (PGresult* raw = co_await next_result()) {
        Result owned(raw);
        if (PQresultStatus(raw) == PGRES_FATAL_ERROR && !error) error = result_error(raw, error_state);
    }
    if (error) {
        if (PQstatus(conn_) != CONNECTION_OK || is_connection_loss(error_state)) broken_ = true;
        std::rethrow_exception(error);
    }
}

net::awaitable<std::vector<Notification>> Connection::wait_notifications() {
    std::vector<Notification> received;
    for (;;) {
        if (broken_ || PQstatus(conn_) != CONNECTION_OK) fail("connection is not usable");
        // Notifications that came in with an earlier result are already buffered.
        while (PGnotify* note = PQnotifies(conn_)) {
            received.push_back(
                {note->relname != nullptr ? note->relname : "", note->extra != nullptr ? note->extra : ""});
            PQfreemem(note);
        }
        if (!received.empty()) co_return received;
        co_await wait(net::posix::descriptor_base::wait_read);
        if (PQconsumeInput(conn_) == 0) fail("reading from PostgreSQL failed");
    }
}

void Connection::cancel() {
    if (!socket_) return;
    boost::system::error_code ignored;
    socket_->cancel(ignored);
}

bool Connection::healthy() const { return conn_ != nullptr && !broken_ && PQstatus(conn_) == CONNECTION_OK; }

bool Connection::reusable() const {
    return healthy() && PQtransactionStatus(conn_) == PQTRANS_IDLE && PQpipelineStatus(conn_) == PQ_PIPELINE_OFF;
}

bool Connection::in_transaction() const {
    if (!healthy() || PQpipelineStatus(conn_) != PQ_PIPELINE_OFF) return false;
    const auto status = PQtransactionStatus(conn_);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

bool Connection::check_alive() {
    if (!healthy()) return false;
    if (PQconsumeInput(conn_) == 0 || PQstatus(conn_) != CONNECTION_OK) {
        broken_ = true;
        return false;
    }
    // A healthy idle connection has nothing to read; anything here is the server saying goodbye.
    if (PQisBusy(conn_) == 0) {
        while (PGresult* stray = PQgetResult(conn_)) PQclear(stray);
    }
    return PQstatus(conn_) == CONNECTION_OK;
}

}  // namespace service::db
