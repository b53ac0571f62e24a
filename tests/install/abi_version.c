/* abi_version.c: run against the shared library, checks that the library a
 * program loads is the one its headers describe: the runtime version string
 * and number equal the JARVA_VERSION_* macros, and both equal the version in
 * the top-level CMakeLists.txt's project() (JARVA_PROJECT_VERSION), which is
 * what the SONAME, jarva.pc and jarvaConfigVersion.cmake are made from. */
#include <stdio.h>
#include <string.h>

#include <jarva.h>

static int failures;

static void expect(int ok, const char *what)
{
    if (!ok) {
        failures++;
        fprintf(stderr, "FAIL: %s\n", what);
    }
}

int main(void)
{
    char from_parts[64];
    snprintf(from_parts, sizeof from_parts, "%d.%d.%d", JARVA_VERSION_MAJOR, JARVA_VERSION_MINOR,
             JARVA_VERSION_PATCH);

    expect(strcmp(jarva_version_string(), JARVA_VERSION_STRING) == 0,
           "jarva_version_string() is JARVA_VERSION_STRING");
    expect(jarva_version_number() == JARVA_VERSION_NUMBER,
           "jarva_version_number() is JARVA_VERSION_NUMBER");
    expect(strcmp(JARVA_VERSION_STRING, from_parts) == 0,
           "JARVA_VERSION_STRING is MAJOR.MINOR.PATCH");
    expect(JARVA_VERSION_NUMBER ==
               JARVA_VERSION_MAJOR * 10000 + JARVA_VERSION_MINOR * 100 + JARVA_VERSION_PATCH,
           "JARVA_VERSION_NUMBER is major * 10000 + minor * 100 + patch");
    expect(strcmp(JARVA_VERSION_STRING, JARVA_PROJECT_VERSION) == 0,
           "the headers' version is the CMake project's version");
    expect(jarva_global_init() == JARVA_OK, "jarva_global_init()");

    printf("header %s, library %s, project %s\n", JARVA_VERSION_STRING, jarva_version_string(),
           JARVA_PROJECT_VERSION);
    printf("%d passed, %d failed\n", 6 - failures, failures);
    return failures ? 1 : 0;
}
