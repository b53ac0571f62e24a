/* sha256.c: SHA-256 as specified in FIPS 180-4 (NIST, 2015), sections 4.1.2,
 * 4.2.2, 5.1.1 and 6.2. The block function has two versions: portable C, and
 * one using the SHA-NI instructions (Intel, "New Instructions Supporting the
 * Secure Hash Algorithm on Intel Architecture Processors", 2013) that runs
 * several times faster, so that hashing an import costs little next to parsing. */
#include <stdatomic.h>
#include <string.h>

#include "sha256.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define JARVA__SHA_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

/* FIPS 180-4, 4.2.2: the first 32 bits of the fractional parts of the cube
 * roots of the first 64 primes. */
static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

static atomic_int hardware_allowed = 1;

static uint32_t rotr(uint32_t x, unsigned n)
{
    return (x >> n) | (x << (32 - n));
}

static uint32_t load_be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* FIPS 180-4, 6.2.2: the message schedule and 64 rounds, for each block. */
static void blocks_portable(uint32_t state[8], const unsigned char *data, size_t nblocks)
{
    uint32_t w[64];
    for (; nblocks > 0; nblocks--, data += 64) {
        for (int t = 0; t < 16; t++)
            w[t] = load_be32(data + 4 * t);
        for (int t = 16; t < 64; t++) {
            uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
            uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        for (int t = 0; t < 64; t++) {
            uint32_t sum1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
            uint32_t choose = (e & f) ^ (~e & g);
            uint32_t t1 = h + sum1 + choose + K[t] + w[t];
            uint32_t sum0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
            uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
            uint32_t t2 = sum0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}

#ifdef JARVA__SHA_X86
static int cpu_query_sha(void)
{
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx))
        return 0;
    int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx))
        return 0;
    return ssse3 && sse41 && ((ebx >> 29) & 1);
}

/* Asked once: in a virtual machine cpuid traps to the hypervisor, which made
 * it the costliest part of hashing a small file. */
static int cpu_has_sha(void)
{
    static atomic_int known = -1;
    int has = atomic_load(&known);
    if (has < 0)
        atomic_store(&known, has = cpu_query_sha());
    return has;
}

/* The SHA-NI block function. The instructions keep the state as two vectors,
 * ABEF and CDGH; sha256rnds2 does two rounds, sha256msg1/msg2 the schedule:
 * W[g] = msg2(msg1(W[g-4], W[g-3]) + alignr(W[g-1], W[g-2]), W[g-1]) for
 * four-word groups g = 4..15. */
__attribute__((target("sha,sse4.1,ssse3"))) static void
blocks_shani(uint32_t state[8], const unsigned char *data, size_t nblocks)
{
    const __m128i byteswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i dcba = _mm_loadu_si128((const __m128i *)(const void *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)(const void *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (; nblocks > 0; nblocks--, data += 64) {
        __m128i abef_saved = abef, cdgh_saved = cdgh;
        __m128i w[4];
        for (int g = 0; g < 16; g++) {
            __m128i cur;
            if (g < 4) {
                cur = _mm_loadu_si128((const __m128i *)(const void *)(data + 16 * g));
                cur = _mm_shuffle_epi8(cur, byteswap);
            } else {
                __m128i m1 = _mm_sha256msg1_epu32(w[(g - 4) & 3], w[(g - 3) & 3]);
                __m128i shifted = _mm_alignr_epi8(w[(g - 1) & 3], w[(g - 2) & 3], 4);
                cur = _mm_sha256msg2_epu32(_mm_add_epi32(m1, shifted), w[(g - 1) & 3]);
            }
            w[g & 3] = cur;
            __m128i msg =
                _mm_add_epi32(cur, _mm_loadu_si128((const __m128i *)(const void *)&K[4 * g]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
            msg = _mm_shuffle_epi32(msg, 0x0E);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, msg);
        }
        abef = _mm_add_epi32(abef, abef_saved);
        cdgh = _mm_add_epi32(cdgh, cdgh_saved);
    }

    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    dcba = _mm_blend_epi16(feba, dchg, 0xF0);
    hgfe = _mm_alignr_epi8(dchg, feba, 8);
    _mm_storeu_si128((__m128i *)(void *)&state[0], dcba);
    _mm_storeu_si128((__m128i *)(void *)&state[4], hgfe);
}
#endif

static void blocks(jarva__sha256 *ctx, const unsigned char *data, size_t nblocks)
{
#ifdef JARVA__SHA_X86
    if (ctx->hardware) {
        blocks_shani(ctx->state, data, nblocks);
        return;
    }
#endif
    blocks_portable(ctx->state, data, nblocks);
}

int jarva__sha256_use_hardware(int enable)
{
    atomic_store(&hardware_allowed, enable ? 1 : 0);
#ifdef JARVA__SHA_X86
    return enable && cpu_has_sha();
#else
    return 0;
#endif
}

/* FIPS 180-4, 5.3.3: the initial hash value. */
void jarva__sha256_init(jarva__sha256 *ctx)
{
    static const uint32_t initial[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                         0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    memcpy(ctx->state, initial, sizeof initial);
    ctx->length = 0;
    ctx->used = 0;
#ifdef JARVA__SHA_X86
    ctx->hardware = atomic_load(&hardware_allowed) && cpu_has_sha();
#else
    ctx->hardware = 0;
#endif
}

void jarva__sha256_update(jarva__sha256 *ctx, const void *data, size_t len)
{
    const unsigned char *p = data;
    ctx->length += len;
    if (ctx->used > 0) {
        size_t take = 64 - ctx->used < len ? 64 - ctx->used : len;
        memcpy(ctx->block + ctx->used, p, take);
        ctx->used += take;
        p += take;
        len -= take;
        if (ctx->used < 64)
            return;
        blocks(ctx, ctx->block, 1);
        ctx->used = 0;
    }
    if (len >= 64) {
        blocks(ctx, p, len / 64);
        p += len / 64 * 64;
        len %= 64;
    }
    memcpy(ctx->block, p, len);
    ctx->used = len;
}

/* FIPS 180-4, 5.1.1: a 1 bit, zeros, and the message length in bits as a
 * 64-bit big-endian number, to a multiple of 512 bits. */
void jarva__sha256_final(jarva__sha256 *ctx, unsigned char digest[32])
{
    uint64_t bits = ctx->length * 8;
    ctx->block[ctx->used++] = 0x80;
    if (ctx->used > 56) {
        memset(ctx->block + ctx->used, 0, 64 - ctx->used);
        blocks(ctx, ctx->block, 1);
        ctx->used = 0;
    }
    memset(ctx->block + ctx->used, 0, 56 - ctx->used);
    for (int i = 0; i < 8; i++)
        ctx->block[56 + i] = (unsigned char)(bits >> (56 - 8 * i));
    blocks(ctx, ctx->block, 1);
    for (int i = 0; i < 8; i++) {
        digest[4 * i] = (unsigned char)(ctx->state[i] >> 24);
        digest[4 * i + 1] = (unsigned char)(ctx->state[i] >> 16);
        digest[4 * i + 2] = (unsigned char)(ctx->state[i] >> 8);
        digest[4 * i + 3] = (unsigned char)ctx->state[i];
    }
}

void jarva__sha256_hex(const unsigned char digest[32], char out[65])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 15];
    }
    out[64] = '\0';
}
