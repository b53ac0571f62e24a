/* answer_bytes.h: the stored answers' byte order, little-endian, so that a
 * database file reads the same on every machine (answer_store.c writes,
 * answer_reader.c reads). */
#ifndef JARVA_ANSWER_BYTES_H
#define JARVA_ANSWER_BYTES_H

#include <stddef.h>
#include <stdint.h>

static inline void jarva__put_le(unsigned char *p, uint64_t v, size_t width)
{
    for (size_t b = 0; b < width; b++)
        p[b] = (unsigned char)(v >> (8 * b));
}

static inline uint64_t jarva__get_le(const unsigned char *p, size_t width)
{
    uint64_t v = 0;
    for (size_t b = 0; b < width; b++)
        v |= (uint64_t)p[b] << (8 * b);
    return v;
}

#endif
