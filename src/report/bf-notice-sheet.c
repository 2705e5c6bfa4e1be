/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "bf-dates.h"
#include "bf-notice-page.h"
#include "bf-report-private.h"
#include "bf-store-notices.h"

/* The sheet's words are the printed form's, in Chinese whatever the desktop's language (see
 * bf-notice-page.c): a notice on a village board is read by villagers. */

static gboolean
is_exit (const BfNotice *notice)
{
  return g_strcmp0 (notice->kind, "exit") == 0;
}

/* The reason column: what the caseworker wrote, else the household's causes ("因病、因学"), or for
 * an exit that the standard is met. */
static char *
standard_reason (const BfNotice *notice, const BfNoticeItem *item)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (item->reason != NULL)
    return g_strdup (item->reason);
  if (is_exit (notice))
    return g_strdup ("达到脱贫退出标准");
  for (guint i = 0; i < G_N_ELEMENTS (item->causes); i++)
    {
      const char *word;

      if (item->causes[i] == NULL)
        continue;
      word = _bf_code_word (BF_CODES_CAUSE, item->causes[i]);
      if (text->len > 0)
        g_string_append (text, "、");
      g_string_append (text, word);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
standard_text (const BfNotice *notice, guint n_rows)
{
  g_autofree char *starts = _bf_chinese_date (notice->starts_on);
  g_autofree char *ends = _bf_chinese_date (notice->ends_on);
  g_autoptr (GString) text = g_string_new (NULL);
  const char *word = g_strcmp0 (notice->kind, "county") == 0 ? "公告" : "公示";
  guint days = 0;
  GDate start, end;

  if (bf_date_parse (notice->starts_on, &start, NULL) &&
      bf_date_parse (notice->ends_on, &end, NULL))
    days = (guint) g_date_days_between (&start, &end) + 1;

  if (g_strcmp0 (notice->kind, "village_identification") == 0)
    g_string_append_printf (text,
                            "根据脱贫攻坚重点人员识别工作的有关规定，经农户申请、入户调查、入户核查"
                            "和民主评议，拟将以下 %u 户识别为脱贫攻坚重点人员，现予以公示。",
                            n_rows);
  else if (g_strcmp0 (notice->kind, "township") == 0)
    g_string_append_printf (text,
                            "经村级民主评议、村级公示和乡镇人民政府审核，拟将以下 %u 户识别为脱贫"
                            "攻坚重点人员，现予以公示。",
                            n_rows);
  else if (g_strcmp0 (notice->kind, "county") == 0)
    g_string_append_printf (text,
                            "经乡镇审核、公示和县级人民政府审批，以下 %u 户已识别为脱贫攻坚重点人"
                            "员，现予以公告。",
                            n_rows);
  else
    g_string_append_printf (text, "经脱贫评估，以下 %u 户已达到脱贫退出标准，拟退出，现予以公示。",
                            n_rows);

  g_string_append_printf (
    text, "\n%s期：%s至%s（共 %u 天）。%s期内如有异议，请向%s反映", word, starts, ends, days, word,
    notice->issuing_body && *notice->issuing_body ? notice->issuing_body : "发布单位");
  if (notice->supervision_phone != NULL && *notice->supervision_phone != '\0')
    g_string_append_printf (text, "，监督电话：%s", notice->supervision_phone);
  g_string_append (text, "。");
  if (notice->posting_place != NULL && *notice->posting_place != '\0')
    g_string_append_printf (text, "\n张贴地点：%s。", notice->posting_place);
  if (notice->body != NULL && *notice->body != '\0')
    g_string_append_printf (text, "\n%s", notice->body);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

BfNoticeSheet *
bf_notice_sheet_load (BfStore *store, gint64 notice_id, GError **error)
{
  g_autoptr (BfNotice) notice = NULL;
  g_autoptr (BfNoticeSheet) sheet = NULL;
  g_autofree char *masked = NULL;

  g_return_val_if_fail (BF_IS_STORE (store), NULL);

  notice = bf_store_notice_get (store, notice_id, error);
  if (notice == NULL)
    return NULL;
  masked = bf_store_setting_get (store, BF_SETTING_NOTICE_MASKED_IDS);

  sheet = bf_notice_sheet_new ();
  sheet->title = g_strdup (notice->title);
  sheet->reason_heading = g_strdup (is_exit (notice) ? "退出原因" : "致贫原因");
  sheet->show_village = notice->village_id == 0;
  sheet->show_masked_id = g_strcmp0 (masked, "1") == 0;
  sheet->issuing_body = g_strdup (notice->issuing_body);
  sheet->supervision_phone = g_strdup (notice->supervision_phone);
  sheet->date = _bf_chinese_date (notice->posted_on ? notice->posted_on : notice->starts_on);

  for (guint i = 0; i < notice->items->len; i++)
    {
      const BfNoticeItem *item = g_ptr_array_index (notice->items, i);
      BfNoticeRow *row;

      if (item->removed_on != NULL)
        continue;
      row = bf_notice_row_new ();
      row->village = g_strdup (item->village_name);
      row->group = g_strdup (item->group_name);
      row->head_name = g_strdup (item->head_name);
      row->member_count = item->member_count;
      if (sheet->show_masked_id)
        row->masked_id = g_strdup (item->head_id_masked);
      row->reason = standard_reason (notice, item);
      g_ptr_array_add (sheet->rows, row);
    }
  sheet->text = standard_text (notice, sheet->rows->len);
  return g_steal_pointer (&sheet);
}
