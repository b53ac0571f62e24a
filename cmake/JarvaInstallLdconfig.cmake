# JarvaInstallLdconfig.cmake: run by `cmake --install` after the shared library.
# A library installed straight into a directory the dynamic linker searches
# (/usr/local/lib on Debian) is found by programs only once ldconfig has
# rebuilt its cache; packages do that in their triggers, so do it here too.
# Skipped for staged installs (DESTDIR), for other directories (a program
# then needs LD_LIBRARY_PATH or an rpath), and when not allowed (not root).
if(NOT "$ENV{DESTDIR}" STREQUAL "" OR NOT CMAKE_HOST_UNIX)
  return()
endif()
find_program(JARVA_LDCONFIG ldconfig PATHS /sbin /usr/sbin)
if(NOT JARVA_LDCONFIG)
  return()
endif()
if(IS_ABSOLUTE "${JARVA_LIBDIR_REL}")
  set(jarva_libdir "${JARVA_LIBDIR_REL}")
else()
  set(jarva_libdir "${CMAKE_INSTALL_PREFIX}/${JARVA_LIBDIR_REL}")
endif()
get_filename_component(jarva_libdir "${jarva_libdir}" ABSOLUTE)

set(jarva_searched FALSE)
file(GLOB jarva_confs /etc/ld.so.conf /etc/ld.so.conf.d/*.conf)
foreach(conf IN LISTS jarva_confs)
  file(STRINGS "${conf}" lines)
  foreach(line IN LISTS lines)
    string(STRIP "${line}" line)
    if(line STREQUAL jarva_libdir OR line STREQUAL "${jarva_libdir}/")
      set(jarva_searched TRUE)
    endif()
  endforeach()
endforeach()
if(jarva_searched)
  message(STATUS "Running ldconfig for ${jarva_libdir}")
  execute_process(COMMAND "${JARVA_LDCONFIG}" RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(NOT rc EQUAL 0)
    message(STATUS "ldconfig failed (not root?): run it before using libjarva.so")
  endif()
endif()
