# service_embed(<target> <header> <namespace> [STATEMENTS <prefix>] FILES f1 f2 ...)
# Generates <header> with one constant per file and a `kAll` array of {name, text}, so SQL,
# migrations and the OpenAPI document travel inside the binary. With STATEMENTS each constant
# is a db::Statement named "<prefix>.<stem>" (the prepared statement's name), otherwise a
# std::string_view. The header is written at configure time; editing an embedded file
# re-runs CMake (CMAKE_CONFIGURE_DEPENDS), which rewrites it only when it changed.
include("${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake")

function(service_embed target header namespace)
  cmake_parse_arguments(ARG "" "STATEMENTS" "FILES" ${ARGN})
  set(dir "${PROJECT_BINARY_DIR}/generated")
  service_embed_generate("${dir}/${header}" "${namespace}" "${ARG_STATEMENTS}" "${ARG_FILES}")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${ARG_FILES})
  target_include_directories(${target} PUBLIC "${dir}")
endfunction()
