// The ABI is the header; this file gives the C target something to compile.
#include "suanpan_plugin.h"
