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

# SQL written once, used by several statements. A module keeps templates in sql/*.sql.in:
#   service_sql_fragment(<VAR> sql/<file>)  the file's text, without its "--" comment lines,
#                                            in VAR (for @VAR@ in a template)
#   service_sql_variant(<template> <stem>)  sql/<template> with every @VAR@ replaced from the
#                                            caller's variables, written to
#                                            <binary dir>/sql/<stem>.sql and appended to the
#                                            caller's GENERATED_SQL (embed it with the rest)
# e.g. one list statement per sort direction, or one column list shared by get and list.
function(service_sql_fragment var file)
  file(READ "${CMAKE_CURRENT_SOURCE_DIR}/${file}" text)
  string(REGEX REPLACE "(^|\n)--[^\n]*" "" text "${text}")
  string(STRIP "${text}" text)
  set(${var} "${text}" PARENT_SCOPE)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/${file}")
endfunction()

macro(service_sql_variant template stem)
  configure_file("${CMAKE_CURRENT_SOURCE_DIR}/sql/${template}" "${CMAKE_CURRENT_BINARY_DIR}/sql/${stem}.sql" @ONLY)
  list(APPEND GENERATED_SQL "${CMAKE_CURRENT_BINARY_DIR}/sql/${stem}.sql")
endmacro()
