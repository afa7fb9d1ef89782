// libedit's readline-compatible API, with setters for the globals Swift 6
// cannot assign directly (they are mutable C state).
#ifndef SUANPAN_LIBEDIT_SHIM_H
#define SUANPAN_LIBEDIT_SHIM_H

#include <stdio.h>
#include <editline/readline.h>

typedef char **(*suanpan_completion_function)(const char *, int, int);

static inline void suanpan_set_completion(suanpan_completion_function f) {
    rl_attempted_completion_function = f;
}

static inline void suanpan_set_readline_name(void) {
    rl_readline_name = "suanpan";
}

static inline void suanpan_set_completion_append_character(int c) {
    rl_completion_append_character = c;
}

static inline void suanpan_set_basic_word_break_characters(const char *s) {
    rl_basic_word_break_characters = s;
}

/// Stops libedit from also trying file names when our completer has none.
static inline void suanpan_set_attempted_completion_over(int v) {
    rl_attempted_completion_over = v;
}

static inline const char *suanpan_line_buffer(void) {
    return rl_line_buffer;
}

#endif
