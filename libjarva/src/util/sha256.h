/* sha256.h: SHA-256 (FIPS 180-4) for import provenance: the hash of a file's
 * raw bytes identifies what was imported. Internal; no SHA library is among
 * libjarva's dependencies. Uses the x86 SHA extensions when the CPU has them. */
#ifndef JARVA_SHA256_H
#define JARVA_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct jarva__sha256 {
    uint32_t state[8];
    uint64_t length;         /* bytes hashed so far */
    unsigned char block[64]; /* a partial block waiting for more input */
    size_t used;             /* bytes in block */
    int hardware;            /* 1: the x86 SHA instructions do the blocks */
} jarva__sha256;

void jarva__sha256_init(jarva__sha256 *ctx);
void jarva__sha256_update(jarva__sha256 *ctx, const void *data, size_t len);
/* Writes the digest; ctx must be initialised again before further use. */
void jarva__sha256_final(jarva__sha256 *ctx, unsigned char digest[32]);
/* 64 lower-case hex digits and a NUL. */
void jarva__sha256_hex(const unsigned char digest[32], char out[65]);

/* For tests: 1 to use the CPU's SHA instructions when present (the default),
 * 0 to force the portable code. Returns 1 if the instructions are in use. */
int jarva__sha256_use_hardware(int enable);

#endif /* JARVA_SHA256_H */
