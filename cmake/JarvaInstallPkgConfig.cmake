# JarvaInstallPkgConfig.cmake: run by `cmake --install` (install(CODE) in
# libjarva/CMakeLists.txt sets the JARVA_PC_* inputs first). It writes jarva.pc
# with the prefix the files are installed to, which `cmake --install --prefix`
# may change after configuration, and installs it like any other file (DESTDIR
# and install_manifest.txt included).
foreach(var JARVA_PC_TEMPLATE JARVA_PC_WORKDIR JARVA_PC_LIBDIR_REL JARVA_PC_INCLUDEDIR_REL)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "JarvaInstallPkgConfig.cmake: ${var} is not set")
  endif()
endforeach()

set(JARVA_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
# GNUInstallDirs' directories are relative unless the user made them absolute.
foreach(kind LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${JARVA_PC_${kind}_REL}")
    set(JARVA_PC_${kind} "${JARVA_PC_${kind}_REL}")
  else()
    set(JARVA_PC_${kind} "\${prefix}/${JARVA_PC_${kind}_REL}")
  endif()
endforeach()
if(IS_ABSOLUTE "${JARVA_PC_LIBDIR_REL}")
  set(jarva_pc_dest "${JARVA_PC_LIBDIR_REL}/pkgconfig")
else()
  set(jarva_pc_dest "${CMAKE_INSTALL_PREFIX}/${JARVA_PC_LIBDIR_REL}/pkgconfig")
endif()

configure_file("${JARVA_PC_TEMPLATE}" "${JARVA_PC_WORKDIR}/jarva.pc" @ONLY)
file(INSTALL DESTINATION "${jarva_pc_dest}" TYPE FILE FILES "${JARVA_PC_WORKDIR}/jarva.pc")
