#include "core/log.hpp"
#include "modules/feed/module.hpp"

namespace service::feed {
namespace {

net::awaitable<void> on_post_published(Service* service, infra::jobs::Job job) {
    const auto* payload = job.payload.if_object();
    const auto* post = payload != nullptr ? payload->if_contains("post_id") : nullptr;
    const auto* author = payload != nullptr ? payload->if_contains("author_id") : nullptr;
    if (post == nullptr || author == nullptr || !post->is_string() || !author->is_string()) {
        throw infra::jobs::Discard("feed.post_published needs {post_id, author_id}");
    }
    co_await service->post_published(std::string(post->as_string()), std::string(author->as_string()));
}

net::awaitable<void> on_refresh_popular(Service* service, infra::jobs::Job /*job*/) {
    co_await service->refresh_popular();
}

}  // namespace

// Handlers are plain lambdas returning a named coroutine (GCC 12 and capturing coroutine lambdas).
void Module::register_jobs(infra::jobs::Runner& runner) {
    auto* s = &service;
    runner.handle(std::string(kPostPublishedJob), 4,
                  [s](infra::jobs::Job job) { return on_post_published(s, std::move(job)); });
    runner.every(std::string(kRefreshPopularJob), kRefreshPopularEvery,
                 [s](infra::jobs::Job job) { return on_refresh_popular(s, std::move(job)); });
}

}  // namespace service::feed
