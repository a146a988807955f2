# service_module(<name> [DEPENDS <module>...] [OWNS <table>...]) opens each module's
# CMakeLists.txt: the modules whose public headers <name> may include and the tables only it
# writes. scripts/check-module-deps reads these declarations and checks every
# #include "modules/..." against them, every INSERT/UPDATE/DELETE in the module's sql/ against
# its tables, that the platform includes no module, and that there is no cycle; the module_deps target runs it before service_lib is
# compiled, so an undeclared include fails the build.
function(service_module name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;OWNS" ${ARGN})
  foreach(dep IN LISTS ARG_DEPENDS)
    if(NOT IS_DIRECTORY "${PROJECT_SOURCE_DIR}/server/src/modules/${dep}")
      message(FATAL_ERROR "service_module(${name}): no module named ${dep}")
    endif()
  endforeach()
endfunction()
