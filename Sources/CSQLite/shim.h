// The system's SQLite (Debian's libsqlite3-dev). Suanpan only opens database
// files read-only and steps through one query, so it uses the C API directly
// rather than a wrapper library.
#ifndef SUANPAN_SQLITE_SHIM_H
#define SUANPAN_SQLITE_SHIM_H

#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift
/// cannot import: this gives it a name.
static inline sqlite3_destructor_type suanpan_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
