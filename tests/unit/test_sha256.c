/* test_sha256.c: the internal SHA-256 against the NIST example vectors
 * (FIPS 180-2, appendix B; NIST CSRC "Examples with intermediate values")
 * and against coreutils' sha256sum on generated data at the padding
 * boundaries, with the CPU's SHA instructions and with the portable code. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "sha256.h"

static void hash_hex(const void *data, size_t len, size_t piece, char out[65])
{
    jarva__sha256 ctx;
    unsigned char digest[32];
    const unsigned char *p = data;
    jarva__sha256_init(&ctx);
    if (piece == 0)
        piece = len ? len : 1;
    for (size_t done = 0; done < len; done += piece)
        jarva__sha256_update(&ctx, p + done, len - done < piece ? len - done : piece);
    jarva__sha256_final(&ctx, digest);
    jarva__sha256_hex(digest, out);
}

static void test_nist_vectors(void)
{
    static const struct {
        const char *message, *digest;
    } vectors[] = {
        { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
        { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
        { "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopq"
          "rlmnopqrsmnopqrstnopqrstu",
          "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
    };
    char hex[65];
    for (size_t i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
        size_t len = strlen(vectors[i].message);
        hash_hex(vectors[i].message, len, 0, hex);
        CHECK_STR(hex, vectors[i].digest);
        hash_hex(vectors[i].message, len, 1, hex); /* a byte at a time */
        CHECK_STR(hex, vectors[i].digest);
    }
    /* One million 'a'. */
    size_t n = 1000000;
    char *a = malloc(n);
    if (!a)
        return;
    memset(a, 'a', n);
    hash_hex(a, n, 0, hex);
    CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    hash_hex(a, n, 4097, hex);
    CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}

/* sha256sum's digest of data, via a temporary file; 0 on success. */
static int sha256sum(const unsigned char *data, size_t len, char out[65])
{
    const char *path = test_tmp_path("sha256_input.bin");
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len) {
        if (f)
            fclose(f);
        return -1;
    }
    fclose(f);
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "sha256sum '%s'", path);
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    int ok = fscanf(p, "%64s", out) == 1 && strlen(out) == 64;
    pclose(p);
    return ok ? 0 : -1;
}

/* Lengths around the 55/56-byte padding boundary and the 64-byte block,
 * fed whole and in awkward pieces. */
static void test_against_sha256sum(void)
{
    static const size_t lengths[] = { 1,   55,  56,  57,  63,  64,   65,    119,
                                      120, 127, 128, 129, 191, 1000, 65536, 1048579 };
    size_t max = lengths[sizeof lengths / sizeof lengths[0] - 1];
    unsigned char *data = malloc(max);
    if (!data)
        return;
    uint32_t state = 12345; /* a linear congruential generator (Numerical Recipes) */
    for (size_t i = 0; i < max; i++) {
        state = state * 1664525u + 1013904223u;
        data[i] = (unsigned char)(state >> 24);
    }
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
        char want[65] = "", got[65];
        if (sha256sum(data, lengths[i], want) != 0) {
            fprintf(stderr, "sha256sum not available: comparison skipped\n");
            break;
        }
        hash_hex(data, lengths[i], 0, got);
        CHECK_STR(got, want);
        hash_hex(data, lengths[i], 7, got);
        CHECK_STR(got, want);
        hash_hex(data, lengths[i], 65, got);
        CHECK_STR(got, want);
    }
    free(data);
}

int main(void)
{
    int hardware = jarva__sha256_use_hardware(1);
    fprintf(stderr, "SHA instructions: %s\n", hardware ? "used" : "not available");
    test_nist_vectors();
    test_against_sha256sum();
    if (hardware) { /* and again with the portable code */
        CHECK_INT(jarva__sha256_use_hardware(0), 0);
        test_nist_vectors();
        test_against_sha256sum();
        jarva__sha256_use_hardware(1);
    }
    return test_report();
}
