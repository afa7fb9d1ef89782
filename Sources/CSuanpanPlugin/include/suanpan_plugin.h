/*
 * suanpan_plugin.h: the C ABI of Suanpan native plugins, version 1.
 *
 * A native plugin is a shared library (C, or Swift with @_cdecl) that exports
 * one function, `suanpan_plugin`, returning a description of the plugin: its
 * name, version and functions. Each function declares its signature in
 * Suanpan's type syntax, e.g. "(score: int) -> string", and the checker types
 * every call against it exactly as it does for built-in functions.
 *
 * Values crossing the boundary are numbers, money, bools, strings and dates.
 * Numbers and money are exact decimals: the value times 10^18 as a signed
 * 128-bit integer, split into a high and a low 64-bit half. Never a double.
 *
 * Load one with `suanpan run --plugin ./libname.so file.suan`.
 */
#ifndef SUANPAN_PLUGIN_H
#define SUANPAN_PLUGIN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SUANPAN_PLUGIN_ABI_VERSION 1
#define SUANPAN_PLUGIN_ENTRY "suanpan_plugin"

typedef enum {
    SP_NUMBER = 0, /* int, number, percent (as a fraction: 2.5% is 0.025), rates, durations */
    SP_MONEY = 1,  /* amount and currency */
    SP_BOOL = 2,
    SP_STRING = 3,
    SP_DATE = 4
} sp_kind;

typedef struct sp_value {
    int32_t kind;        /* an sp_kind */
    int32_t date;        /* SP_DATE: days since 1970-01-01 (years 1 to 9999) */
    int64_t units_high;  /* SP_NUMBER, SP_MONEY: value x 10^18 = units_high * 2^64 + units_low */
    uint64_t units_low;
    char currency[4];    /* SP_MONEY: ISO 4217 code, NUL-terminated ("CNY") */
    int32_t boolean;     /* SP_BOOL: 0 or 1 */
    const char *string;  /* SP_STRING: UTF-8, NUL-terminated. In arguments, valid during the
                            call; in a result, owned by the plugin and valid until its next call */
} sp_value;

/*
 * A plugin function. `overload` is the index, among this plugin's declarations
 * with the same name, of the signature the checker chose. Returns 0 after
 * filling *result, or non-zero after writing a NUL-terminated message into
 * `error` (at most error_size bytes): the message is reported at the call.
 */
typedef int32_t (*sp_function)(int32_t overload, const sp_value *args, int32_t count,
                               sp_value *result, char *error, int32_t error_size);

typedef struct sp_function_decl {
    const char *name;       /* a Suanpan name: letters, digits, '_' */
    const char *signature;  /* "(score: int, [minimum: int]) -> bool"; '[...]' marks optional parameters */
    const char *summary;    /* one line of help, shown by `suanpan plugins` */
    sp_function call;
} sp_function_decl;

typedef struct sp_plugin {
    uint32_t abi_version;   /* SUANPAN_PLUGIN_ABI_VERSION */
    const char *name;       /* qualifies its functions: zhima.band(...) */
    const char *version;
    const char *summary;
    int32_t function_count;
    const sp_function_decl *functions; /* several declarations with one name are overloads, tried in order */
} sp_plugin;

/* The one symbol a plugin exports. */
const sp_plugin *suanpan_plugin(void);

#ifdef __cplusplus
}
#endif

#endif /* SUANPAN_PLUGIN_H */
