/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BF_ID_NUMBER_ERROR (bf_id_number_error_quark ())

typedef enum
{
  BF_ID_NUMBER_ERROR_EMPTY,
  BF_ID_NUMBER_ERROR_LENGTH,     /* not 18 characters */
  BF_ID_NUMBER_ERROR_CHARACTERS, /* not 17 digits and a digit or X */
  BF_ID_NUMBER_ERROR_REGION,     /* the region code's province is not a Chinese province */
  BF_ID_NUMBER_ERROR_DATE, /* impossible birth date (e.g. 19990230) or before BF_ID_NUMBER_MIN_YEAR
                            */
  BF_ID_NUMBER_ERROR_FUTURE, /* birth date after today */
  BF_ID_NUMBER_ERROR_CHECK,  /* wrong check character */
} BfIdNumberError;

GQuark bf_id_number_error_quark (void);

/* The earliest birth year accepted. GB 11643's own example, 440524188001010014, and docs/domain.md
 * §3 have a valid number born in 1880, so the bound only catches typos such as 0990. */
#define BF_ID_NUMBER_MIN_YEAR 1800

typedef struct
{
  char number[19];  /* normalised: upper-case X, no spaces */
  GDate birth_date; /* derived */
  gboolean male;    /* derived: odd sequence digit */
} BfIdNumber;

/* Validates a GB 11643 number against @today (NULL: the real today). Surrounding spaces and a
 * lower-case x are accepted; @out receives the normalised number and what it says. */
gboolean bf_id_number_parse (const char *text, const GDate *today, BfIdNumber *out, GError **error);
/* The check character for the first 17 digits; '\0' when they are not 17 digits. */
char bf_id_number_check_char (const char *first17);
/* "430102********123X": first 6 and last 4 kept. Anything not 18 characters is fully masked
 * (one * per character); NULL or invalid UTF-8 gives "". */
char *bf_id_number_mask (const char *number);

G_END_DECLS
