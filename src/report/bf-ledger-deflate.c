/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <dlfcn.h>
#include <zlib.h>

#include "bf-ledger-deflate-private.h"

/* libxlsxwriter deflates every part of a workbook at zlib's default level (6) and has
 * no option for it; on a ledger of 400,000 people that is the largest part of the export's time.
 * Level 1 deflates the sheets' XML three times faster for about a fifth more bytes. So this file
 * provides minizip's entry point that libxlsxwriter calls (the dynamic linker binds its call to
 * the executable's definition) and passes each call on to minizip, with level 1 while this thread
 * closes a ledger. Should libxlsxwriter stop calling it, nothing breaks: the level stays 6. */
static _Thread_local gboolean fast_deflate;

typedef int ZipOpenFunc (void *file,
                         const char *filename,
                         const void *zipfi,
                         const void *extrafield_local,
                         unsigned int size_extrafield_local,
                         const void *extrafield_global,
                         unsigned int size_extrafield_global,
                         const char *comment,
                         int method,
                         int level,
                         int raw,
                         int window_bits,
                         int mem_level,
                         int strategy,
                         const char *password,
                         unsigned long crc_for_crypting,
                         unsigned long version_made_by,
                         unsigned long flag_base,
                         int zip64);

ZipOpenFunc zipOpenNewFileInZip4_64;

int
zipOpenNewFileInZip4_64 (void *file,
                         const char *filename,
                         const void *zipfi,
                         const void *extrafield_local,
                         unsigned int size_extrafield_local,
                         const void *extrafield_global,
                         unsigned int size_extrafield_global,
                         const char *comment,
                         int method,
                         int level,
                         int raw,
                         int window_bits,
                         int mem_level,
                         int strategy,
                         const char *password,
                         unsigned long crc_for_crypting,
                         unsigned long version_made_by,
                         unsigned long flag_base,
                         int zip64)
{
  static gsize resolved;
  static ZipOpenFunc *minizip;

  if (g_once_init_enter (&resolved))
    {
      *(void **) &minizip = dlsym (RTLD_NEXT, "zipOpenNewFileInZip4_64");
      g_once_init_leave (&resolved, 1);
    }
  /* libxlsxwriter needs minizip: when it calls this, the next definition is loaded. */
  g_assert (minizip != NULL);
  if (fast_deflate && method == Z_DEFLATED)
    level = Z_BEST_SPEED;
  return minizip (file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
                  size_extrafield_global, comment, method, level, raw, window_bits, mem_level,
                  strategy, password, crc_for_crypting, version_made_by, flag_base, zip64);
}

void
_bf_ledger_deflate_fast (gboolean fast)
{
  fast_deflate = fast;
}
