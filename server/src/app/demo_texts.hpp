#pragma once
#include <string>
#include <string_view>

/// The texts of the demo masters' posts: written the way masters write on social networks, in
/// Russian, with a hashtag or two.
namespace service::demo {

/// The text of post `post` (0..2) of demo master `master` in `category` (a parent category's
/// slug, as for portfolio_photo; any other gets general texts). The same arguments give the
/// same text; one master's posts differ from each other.
std::string post_text(std::string_view category, int master, int post);

}  // namespace service::demo
