/* test_code_list.c: the one rule for lists of answer codes that the
 * catalogue, a mapping, compute and `jarva estimate` share (util/code_list.c):
 * commas between codes, spaces and tabs around a code ignored, empty items
 * skipped, codes compared byte for byte. Expected lists are written by hand. */
#include "harness.h"
#include "jarva_internal.h"

static void test_parse(void)
{
    jarva__code_list l;
    CHECK_INT(jarva__code_list_parse(&l, " 4,\t5 ,, 9\t,"), JARVA_OK);
    CHECK_INT(l.count, 3);
    CHECK_STR(l.codes[0], "4");
    CHECK_STR(l.codes[1], "5");
    CHECK_STR(l.codes[2], "9");
    CHECK(l.codes[3] == NULL);
    CHECK_INT(l.lengths[2], 1);
    CHECK(jarva__code_list_has(&l, "5", 1));
    CHECK(!jarva__code_list_has(&l, "5 ", 2));
    CHECK(!jarva__code_list_has(&l, "45", 2));
    jarva__code_list_free(&l);
    CHECK_INT(l.count, 0);

    CHECK_INT(jarva__code_list_parse(&l, NULL), JARVA_OK);
    CHECK_INT(l.count, 0);
    jarva__code_list_free(&l);
    CHECK_INT(jarva__code_list_parse(&l, " , \t,"), JARVA_OK);
    CHECK_INT(l.count, 0);
    jarva__code_list_free(&l);
    /* A code of several characters, with an inner space kept. */
    CHECK_INT(jarva__code_list_parse(&l, "mycket trygg, K"), JARVA_OK);
    CHECK_INT(l.count, 2);
    CHECK_STR(l.codes[0], "mycket trygg");
    CHECK_STR(l.codes[1], "K");
    jarva__code_list_free(&l);
}

static void test_in_without_allocating(void)
{
    CHECK(jarva__code_in("1,\t2 ,3", "2", 1));
    CHECK(jarva__code_in("1,2,3", "3", 1));
    CHECK(!jarva__code_in("1,2,3", "", 0));
    CHECK(!jarva__code_in("11,22", "1", 1));
    CHECK(!jarva__code_in(NULL, "1", 1));
    const char *item;
    size_t len;
    const char *p = "a, b";
    CHECK_INT(jarva__code_list_next(&p, &item, &len), 1);
    CHECK_INT(len, 1);
    CHECK(item[0] == 'a');
    CHECK_INT(jarva__code_list_next(&p, &item, &len), 1);
    CHECK(item[0] == 'b' && len == 1);
    CHECK_INT(jarva__code_list_next(&p, &item, &len), 0);
}

int main(void)
{
    test_parse();
    test_in_without_allocating();
    return test_report();
}
