# jarva_set_warnings(target): the project's warning set, per target so that
# dependencies' headers and third-party code are not held to it.
function(jarva_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
    -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla)
  if(JARVA_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
