// The single translation unit that compiles Asio and Beast (separate compilation keeps every
// other file from instantiating them again; see CMake BOOST_*_SEPARATE_COMPILATION).
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
