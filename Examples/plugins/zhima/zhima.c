/*
 * zhima: Zhima Credit (芝麻信用) score bands as a native Suanpan plugin in C.
 * Bands (PRODUCTS.md §7): 350-549 较差 poor, 550-599 中等 fair, 600-649 良好 good,
 * 650-699 优秀 very good, 700-950 极好 excellent. 600 is the common gate for Jiebei.
 *
 *   cc -shared -fPIC -I Sources/CSuanpanPlugin/include -o libzhima.so Examples/plugins/zhima/zhima.c
 *   suanpan eval --plugin ./libzhima.so 'zhima.band(640)'
 */
#include <stdio.h>
#include "suanpan_plugin.h"

static const __int128 ONE = (__int128)1000000000000000000LL; /* 10^18: decimals are scaled by it */

static __int128 units(const sp_value *v) {
    return (__int128)(((unsigned __int128)(uint64_t)v->units_high << 64) | v->units_low);
}

/* The whole number in an int argument (the checker guarantees an int). */
static int score_of(const sp_value *v, char *error, int32_t size, long *out) {
    __int128 u = units(v);
    if (u % ONE != 0) { snprintf(error, (size_t)size, "a score is a whole number"); return 1; }
    __int128 s = u / ONE;
    if (s < 350 || s > 950) { snprintf(error, (size_t)size, "score %ld is outside 350-950", (long)s); return 1; }
    *out = (long)s;
    return 0;
}

static int32_t band(int32_t overload, const sp_value *args, int32_t count, sp_value *result, char *error, int32_t size) {
    (void)overload; (void)count;
    long s;
    if (score_of(&args[0], error, size, &s)) return 1;
    result->kind = SP_STRING;
    result->string = s < 550 ? "较差" : s < 600 ? "中等" : s < 650 ? "良好" : s < 700 ? "优秀" : "极好";
    return 0;
}

static int32_t qualifies(int32_t overload, const sp_value *args, int32_t count, sp_value *result, char *error, int32_t size) {
    (void)overload;
    long s, minimum = 600;
    if (score_of(&args[0], error, size, &s)) return 1;
    if (count > 1 && score_of(&args[1], error, size, &minimum)) return 1;
    result->kind = SP_BOOL;
    result->boolean = s >= minimum;
    return 0;
}

static const sp_function_decl functions[] = {
    {"band", "(score: int) -> string", "the Zhima Credit band of a score (较差 … 极好)", band},
    {"qualifies", "(score: int, [minimum: int]) -> bool", "whether a score meets a gate (600 unless given)", qualifies},
};

static const sp_plugin plugin = {
    SUANPAN_PLUGIN_ABI_VERSION, "zhima", "1.0.0", "Zhima Credit (芝麻信用) score bands",
    (int32_t)(sizeof functions / sizeof functions[0]), functions,
};

const sp_plugin *suanpan_plugin(void) { return &plugin; }
