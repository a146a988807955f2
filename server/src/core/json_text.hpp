#pragma once
#include <string>

#include <boost/json/value.hpp>

/// JSON text the way people write numbers: `55.7558`, `4.5`, `1859` (Boost.JSON 1.81 writes
/// doubles as `5.57558E1`, `4.5E0`, `1.859E3`). Doubles are the shortest text that reads back
/// as the same double; a whole double is written without a fraction; NaN and infinities, which
/// JSON cannot hold, are null. Strings are escaped as RFC 8259 requires and otherwise left as
/// they are (UTF-8 passes through). Every response body and socket packet is written with it.
namespace service::core {

std::string json_text(const boost::json::value& value);
void append_json(std::string& out, const boost::json::value& value);

/// `value` rounded to `decimals` places (coordinates are written with at most 6).
double round_to(double value, int decimals);

}  // namespace service::core
