/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bf-household-rules.h"

gboolean
bf_phone_is_valid (const char *phone)
{
  guint digits = 0;

  g_return_val_if_fail (phone != NULL, FALSE);

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr ("-+() ", *p) == NULL)
        return FALSE;
    }
  return digits >= 7 && digits <= 20;
}

gboolean
bf_bank_account_is_valid (const char *account)
{
  guint digits = 0;

  g_return_val_if_fail (account != NULL, FALSE);

  for (const char *p = account; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p != ' ')
        return FALSE;
    }
  return digits > 0;
}

static const char *
code_or_null (const char *code)
{
  return code != NULL && *code != '\0' ? code : NULL;
}

BfCausesProblem
bf_causes_check (const char *primary, const char *other1, const char *other2)
{
  primary = code_or_null (primary);
  other1 = code_or_null (other1);
  other2 = code_or_null (other2);
  if (other1 == NULL)
    {
      other1 = other2;
      other2 = NULL;
    }

  if (primary == NULL && other1 != NULL)
    return BF_CAUSES_NO_PRIMARY;
  if (other1 != NULL && g_str_equal (other1, primary))
    return BF_CAUSES_FIRST_REPEATS;
  if (other2 != NULL && (g_str_equal (other2, primary) || g_str_equal (other2, other1)))
    return BF_CAUSES_SECOND_REPEATS;
  return BF_CAUSES_OK;
}
