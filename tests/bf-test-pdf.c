/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bf-id-number.h"
#include "bf-test-pdf.h"

char *
bf_test_pdf_tool (const char *tool, const char *pdf, ...)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  va_list args;

  if (program == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return NULL;
    }
  g_ptr_array_add (argv, program);
  va_start (args, pdf);
  for (const char *arg = va_arg (args, const char *); arg != NULL;
       arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, (char *) pdf);
  if (g_str_equal (tool, "pdftotext"))
    g_ptr_array_add (argv, (char *) "-");
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

char *
bf_test_pdf_text (const char *pdf, guint page, gboolean layout)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  if (page == 0)
    return bf_test_pdf_tool ("pdftotext", pdf, layout ? "-layout" : NULL, NULL);
  return bf_test_pdf_tool ("pdftotext", pdf, "-f", number, "-l", number, layout ? "-layout" : NULL,
                           NULL);
}

guint
bf_test_pdf_n_pages (const char *pdf)
{
  g_autofree char *info = bf_test_pdf_tool ("pdfinfo", pdf, NULL);
  const char *line;

  if (info == NULL)
    return 0;
  line = strstr (info, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

char *
bf_test_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

guint
bf_test_count (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

void
bf_test_assert_no_id_number (const char *text)
{
  gsize len = strlen (text);

  for (gsize i = 0; i + 18 <= len; i++)
    {
      char candidate[19];
      gboolean plain = TRUE;

      for (gsize j = 0; j < 18 && plain; j++)
        plain = g_ascii_isdigit (text[i + j]) || (j == 17 && (text[i + j] == 'X'));
      if (!plain)
        continue;
      memcpy (candidate, text + i, 18);
      candidate[18] = '\0';
      if (bf_id_number_parse (candidate, NULL, NULL, NULL))
        g_error ("a full ID number is printed: %s", candidate);
    }
}
