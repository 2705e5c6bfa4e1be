/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer entry point for the .csv reader (meson -Dfuzz=true with clang; see tests/fuzz/run). */
#include <stddef.h>
#include <stdint.h>

#include "bf-fuzz-sheet.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  bf_fuzz_sheet (data, size, TRUE);
  return 0;
}
