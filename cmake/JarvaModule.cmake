# jarva_module(NAME [DEPENDS module...] [LIBS target...]): the module in
# libjarva/src/NAME/ as an object library jarva_NAME, buildable on its own
# (`cmake --build build --target jarva_store`), as zstd builds each of its
# lib/ folders. Its sources are the folder's *.c; it sees the public headers,
# jarva_internal.h, its own folder and the folders of the modules it DEPENDS
# on, and nothing else, so that an include of an undeclared module does not
# compile (docs/architecture.md, "Include rule"). LIBS are the external
# libraries whose headers it uses. The shared and static libjarva are made of
# every module's objects (libjarva/CMakeLists.txt).
function(jarva_module name)
  cmake_parse_arguments(M "" "" "DEPENDS;LIBS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.c)
  set(target jarva_${name})
  add_library(${target} OBJECT ${sources})
  jarva_set_warnings(${target})
  set_target_properties(${target} PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    C_VISIBILITY_PRESET hidden)
  target_compile_definitions(${target} PRIVATE JARVA_BUILDING _POSIX_C_SOURCE=200809L)
  set(src ${PROJECT_SOURCE_DIR}/libjarva/src)
  target_include_directories(${target} PRIVATE
    ${PROJECT_SOURCE_DIR}/libjarva/include ${JARVA_GENERATED_INCLUDE_DIR}
    ${src} ${CMAKE_CURRENT_SOURCE_DIR})
  foreach(dep ${M_DEPENDS})
    if(NOT IS_DIRECTORY ${src}/${dep})
      message(FATAL_ERROR "module ${name} depends on ${dep}, which is no module")
    endif()
    target_include_directories(${target} PRIVATE ${src}/${dep})
  endforeach()
  # jarva_internal.h holds struct jarva_db, whose connection is SQLite's.
  target_link_libraries(${target} PRIVATE SQLite::SQLite3 ${M_LIBS})
  set_property(GLOBAL APPEND PROPERTY JARVA_MODULE_TARGETS ${target})
endfunction()
