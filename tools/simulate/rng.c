/* rng.c: the simulator's random numbers: xoshiro256** seeded by splitmix64
 * (https://prng.di.unimi.it/), so that a seed gives the same data everywhere. */
#include <math.h>

#include "simulate.h"

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

void sim_rng_seed(sim_rng *r, uint64_t seed, const char *stream)
{
    /* FNV-1a of the stream's name, mixed into the seed. */
    uint64_t h = 0xcbf29ce484222325u;
    for (const char *p = stream; *p; p++)
        h = (h ^ (unsigned char)*p) * 0x100000001b3u;
    uint64_t x = seed ^ h;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t sim_rng_next(sim_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double sim_uniform(sim_rng *r)
{
    return (double)(sim_rng_next(r) >> 11) * 0x1.0p-53;
}

int sim_int(sim_rng *r, int lo, int hi)
{
    return lo + (int)(sim_uniform(r) * (double)(hi - lo + 1));
}

int sim_bernoulli(sim_rng *r, double p)
{
    return sim_uniform(r) < p;
}

int sim_poisson(sim_rng *r, double mean)
{
    /* Knuth: the number of uniforms whose product stays above exp(-mean). */
    double limit = exp(-mean), product = sim_uniform(r);
    int k = 0;
    while (product > limit) {
        k++;
        product *= sim_uniform(r);
    }
    return k;
}

int sim_categorical(sim_rng *r, const double *p, int n)
{
    double u = sim_uniform(r), sum = 0;
    for (int i = 0; i < n - 1; i++) {
        sum += p[i];
        if (u < sum)
            return i;
    }
    return n - 1;
}
