/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bf-import-private.h"

G_DEFINE_QUARK (bf - import - error - quark, bf_import_error)

#define MAX_SYNONYMS 10

typedef struct
{
  const char *key;
  BfImportKind kind;
  BfCodeList list;
  gboolean household;
  gboolean required;
  const char *label;
  /* The first is the national system's header (the one Bangfu's ledger writes); the others are
   * what counties' home-made sheets call the column. */
  const char *names[MAX_SYNONYMS];
} FieldInfo;

#define H(key, kind, list, label, ...)                                                             \
  {                                                                                                \
    key, kind, list, TRUE, FALSE, label,                                                           \
    {                                                                                              \
      __VA_ARGS__                                                                                  \
    }                                                                                              \
  }
#define M(key, kind, list, label, ...)                                                             \
  {                                                                                                \
    key, kind, list, FALSE, FALSE, label,                                                          \
    {                                                                                              \
      __VA_ARGS__                                                                                  \
    }                                                                                              \
  }

/* clang-format off */
static const FieldInfo fields[BF_IMPORT_N_FIELDS] = {
  [BF_IMPORT_FIELD_NONE] = { NULL, BF_IMPORT_KIND_TEXT, 0, FALSE, FALSE, N_ ("Not imported"), { NULL } },
  [BF_IMPORT_FIELD_COUNTY] = H ("county", BF_IMPORT_KIND_TEXT, 0, N_ ("County"),
    "县", "县(市、区)", "县(区)", "县区", "县市区", "所属县"),
  [BF_IMPORT_FIELD_TOWNSHIP] = H ("township", BF_IMPORT_KIND_TEXT, 0, N_ ("Township"),
    "乡(镇)", "乡镇", "乡(镇、街道)", "乡镇(街道)", "所属乡镇", "乡"),
  [BF_IMPORT_FIELD_VILLAGE] = H ("village", BF_IMPORT_KIND_TEXT, 0, N_ ("Village"),
    "行政村", "村", "村名", "所在村", "村(社区)", "行政村(社区)", "所属村"),
  [BF_IMPORT_FIELD_GROUP] = H ("group", BF_IMPORT_KIND_TEXT, 0, N_ ("Group"),
    "村民小组", "组", "小组", "村组", "村民组", "组别"),
  [BF_IMPORT_FIELD_HOUSEHOLD_NUMBER] = H ("household_number", BF_IMPORT_KIND_DIGITS, 0,
    N_ ("Household number"), "户编号", "户号", "户码", "家庭编号", "户主编号"),
  [BF_IMPORT_FIELD_HEAD_NAME] = H ("head_name", BF_IMPORT_KIND_TEXT, 0, N_ ("Head of household"),
    "户主姓名", "户主", "户主名", "户主名字"),
  [BF_IMPORT_FIELD_ADDRESS] = H ("address", BF_IMPORT_KIND_TEXT, 0, N_ ("Address"),
    "家庭住址", "住址", "地址", "家庭地址", "居住地址", "现住址"),
  [BF_IMPORT_FIELD_BANK_NAME] = H ("bank_name", BF_IMPORT_KIND_TEXT, 0, N_ ("Bank"),
    "开户银行", "开户行", "银行", "开户银行名称"),
  [BF_IMPORT_FIELD_BANK_ACCOUNT] = H ("bank_account", BF_IMPORT_KIND_DIGITS, 0, N_ ("Bank account"),
    "银行账号", "银行卡号", "账号", "卡号", "银行帐号", "帐号"),
  [BF_IMPORT_FIELD_ATTRIBUTE] = H ("attribute", BF_IMPORT_KIND_CODE, BF_CODES_ATTRIBUTE,
    N_ ("Household attribute"), "户类型", "贫困户属性", "户属性", "贫困户类型", "家庭属性", "贫困类型"),
  [BF_IMPORT_FIELD_MONITORING_TYPE] = H ("monitoring_type", BF_IMPORT_KIND_CODE,
    BF_CODES_MONITORING_TYPE, N_ ("Monitoring type"), "监测对象类型", "监测类型", "监测对象类别",
    "监测户类型"),
  [BF_IMPORT_FIELD_STANDARD] = H ("standard", BF_IMPORT_KIND_CODE, BF_CODES_STANDARD,
    N_ ("Identification standard"), "识别标准", "标准"),
  [BF_IMPORT_FIELD_PRIMARY_CAUSE] = H ("primary_cause", BF_IMPORT_KIND_CODE, BF_CODES_CAUSE,
    N_ ("Primary cause"), "致贫原因", "主要致贫原因", "主要致贫原因(返贫致贫风险)", "致贫主因"),
  [BF_IMPORT_FIELD_OTHER_CAUSES] = H ("other_causes", BF_IMPORT_KIND_CAUSES, BF_CODES_CAUSE,
    N_ ("Other causes"), "其他致贫原因", "次要致贫原因", "其它致贫原因"),
  [BF_IMPORT_FIELD_MEMBER_COUNT] = H ("member_count", BF_IMPORT_KIND_COUNT, 0,
    N_ ("Household size"), "人数", "家庭人口数", "家庭人口", "人口数", "户人数", "家庭人数"),
  [BF_IMPORT_FIELD_PER_CAPITA_INCOME] = H ("per_capita_income", BF_IMPORT_KIND_MONEY, 0,
    N_ ("Per-capita net income"), "人均纯收入", "人均纯收入(元)", "家庭年人均纯收入",
    "年人均纯收入", "人均收入", "家庭人均纯收入"),
  [BF_IMPORT_FIELD_DANGEROUS_HOUSE] = H ("dangerous_house", BF_IMPORT_KIND_YES_NO, 0,
    N_ ("Dangerous house"), "危房户", "是否危房户", "危房", "是否危房"),
  [BF_IMPORT_FIELD_RELOCATED] = H ("relocated", BF_IMPORT_KIND_YES_NO, 0, N_ ("Relocated"),
    "易地扶贫搬迁", "是否易地扶贫搬迁", "易地搬迁", "是否易地搬迁"),
  [BF_IMPORT_FIELD_WATER_SECURED] = H ("water_secured", BF_IMPORT_KIND_YES_NO, 0,
    N_ ("Safe drinking water secured"), "是否解决安全饮用水", "饮水安全", "安全饮水",
    "是否饮水安全", "饮水安全有保障"),
  [BF_IMPORT_FIELD_FARMLAND] = H ("farmland", BF_IMPORT_KIND_AREA, 0, N_ ("Farmland"),
    "耕地面积(亩)", "耕地面积", "耕地(亩)", "耕地"),
  [BF_IMPORT_FIELD_FIRST_IDENTIFIED] = H ("first_identified", BF_IMPORT_KIND_DATE, 0,
    N_ ("First identification date"), "首次识别时间", "识别时间", "识别日期", "纳入时间",
    "首次识别日期"),
  [BF_IMPORT_FIELD_STATUS] = H ("status", BF_IMPORT_KIND_STATUS, 0, N_ ("Status"),
    "户状态", "状态", "帮扶状态", "贫困户状态"),
  [BF_IMPORT_FIELD_RISK_CLEARED] = H ("risk_cleared", BF_IMPORT_KIND_YES_NO, 0,
    N_ ("Risk cleared"), "风险是否消除", "是否消除风险", "风险消除"),
  [BF_IMPORT_FIELD_PERSON_NUMBER] = M ("person_number", BF_IMPORT_KIND_DIGITS, 0,
    N_ ("Person number"), "人编号", "人员编号", "成员编号", "个人编号"),
  [BF_IMPORT_FIELD_NAME] = M ("name", BF_IMPORT_KIND_TEXT, 0, N_ ("Name"),
    "姓名", "成员姓名", "人员姓名", "家庭成员姓名", "家庭成员", "名字"),
  [BF_IMPORT_FIELD_ID_NUMBER] = M ("id_number", BF_IMPORT_KIND_ID_NUMBER, 0, N_ ("ID number"),
    "证件号码", "身份证号", "身份证号码", "公民身份号码", "身份证", "证件号", "身份证件号码"),
  [BF_IMPORT_FIELD_RELATION] = M ("relation", BF_IMPORT_KIND_CODE, BF_CODES_RELATION,
    N_ ("Relation to head"), "与户主关系", "关系", "家庭关系", "与户主的关系", "成员关系"),
  [BF_IMPORT_FIELD_SEX] = M ("sex", BF_IMPORT_KIND_CODE, BF_CODES_SEX, N_ ("Sex"), "性别"),
  [BF_IMPORT_FIELD_BIRTH_DATE] = M ("birth_date", BF_IMPORT_KIND_DATE, 0, N_ ("Birth date"),
    "出生日期", "出生年月", "生日", "出生年月日"),
  [BF_IMPORT_FIELD_ETHNICITY] = M ("ethnicity", BF_IMPORT_KIND_CODE, BF_CODES_ETHNICITY,
    N_ ("Ethnicity"), "民族"),
  [BF_IMPORT_FIELD_EDUCATION] = M ("education", BF_IMPORT_KIND_CODE, BF_CODES_EDUCATION,
    N_ ("Education level"), "文化程度", "学历", "文化水平"),
  [BF_IMPORT_FIELD_SCHOOL_STATUS] = M ("school_status", BF_IMPORT_KIND_CODE,
    BF_CODES_SCHOOL_STATUS, N_ ("School status"), "在校生状况", "在校情况", "在校状况",
    "就学状况", "在校生情况"),
  [BF_IMPORT_FIELD_HEALTH] = M ("health", BF_IMPORT_KIND_HEALTH, BF_CODES_HEALTH,
    N_ ("Health status"), "健康状况", "健康情况", "身体状况"),
  [BF_IMPORT_FIELD_DISABILITY_GRADE] = M ("disability_grade", BF_IMPORT_KIND_GRADE, 0,
    N_ ("Disability grade"), "残疾等级", "残疾级别", "残疾程度"),
  [BF_IMPORT_FIELD_LABOUR] = M ("labour", BF_IMPORT_KIND_CODE, BF_CODES_LABOUR,
    N_ ("Labour ability"), "劳动技能", "劳动能力", "劳动力状况", "劳动力"),
  [BF_IMPORT_FIELD_WORK_STATUS] = M ("work_status", BF_IMPORT_KIND_CODE, BF_CODES_WORK_STATUS,
    N_ ("Work status"), "务工状况", "务工情况", "务工地点", "外出务工情况"),
  [BF_IMPORT_FIELD_WORK_MONTHS] = M ("work_months", BF_IMPORT_KIND_MONTHS, 0,
    N_ ("Months of work"), "务工时间(月)", "务工时间", "务工月数", "务工时长(月)"),
  [BF_IMPORT_FIELD_MEDICAL_INSURANCE] = M ("medical_insurance", BF_IMPORT_KIND_YES_NO, 0,
    N_ ("Basic medical insurance"), "是否参加城乡居民医保", "是否参加城乡居民基本医疗保险",
    "城乡居民医保", "是否参加医保", "医保", "参加医保"),
  [BF_IMPORT_FIELD_SERIOUS_ILLNESS_INSURANCE] = M ("serious_illness_insurance",
    BF_IMPORT_KIND_YES_NO, 0, N_ ("Serious illness insurance"), "是否参加大病保险", "大病保险",
    "参加大病保险"),
  [BF_IMPORT_FIELD_PENSION_INSURANCE] = M ("pension_insurance", BF_IMPORT_KIND_YES_NO, 0,
    N_ ("Pension insurance"), "是否参加城乡居民养老保险", "是否参加城乡居民基本养老保险",
    "养老保险", "是否参加养老保险", "参加养老保险"),
  [BF_IMPORT_FIELD_PHONE] = M ("phone", BF_IMPORT_KIND_PHONE, 0, N_ ("Phone"),
    "联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "电话号码"),
};
/* clang-format on */

/* docs/domain.md §9: the national system's person list. A header row with the key columns and
 * most of the others is that list. */
static const BfImportField national_keys[] = {
  BF_IMPORT_FIELD_VILLAGE,      BF_IMPORT_FIELD_GROUP,     BF_IMPORT_FIELD_HOUSEHOLD_NUMBER,
  BF_IMPORT_FIELD_NAME,         BF_IMPORT_FIELD_ID_NUMBER, BF_IMPORT_FIELD_RELATION,
  BF_IMPORT_FIELD_MEMBER_COUNT,
};
static const char *const national_headers[] = {
  "县",
  "乡(镇)",
  "行政村",
  "村民小组",
  "户编号",
  "人编号",
  "姓名",
  "证件号码",
  "人数",
  "与户主关系",
  "民族",
  "文化程度",
  "在校生状况",
  "健康状况",
  "劳动技能",
  "务工时间(月)",
  "是否参加大病保险",
  "致贫原因",
  "危房户",
  "是否解决安全饮用水",
  "人均纯收入",
  "联系电话",
  "首次识别时间",
  "户类型",
  "监测对象类型",
  "风险是否消除",
};
#define NATIONAL_MIN_HEADERS 20

struct _BfImportMapping
{
  guint n_columns;
  char **headers;
  BfImportField *fields;
  guint64 header_row;
  char *signature;
};

/* ---- Fields ---- */

static gboolean
valid_field (BfImportField field)
{
  return (guint) field < BF_IMPORT_N_FIELDS;
}

const char *
bf_import_field_key (BfImportField field)
{
  g_return_val_if_fail (valid_field (field), NULL);
  return fields[field].key;
}

BfImportField
bf_import_field_from_key (const char *key)
{
  for (guint i = 1; key != NULL && i < BF_IMPORT_N_FIELDS; i++)
    if (strcmp (fields[i].key, key) == 0)
      return i;
  return BF_IMPORT_FIELD_NONE;
}

const char *
bf_import_field_label (BfImportField field)
{
  g_return_val_if_fail (valid_field (field), NULL);
  return _ (fields[field].label);
}

const char *
bf_import_field_national_header (BfImportField field)
{
  g_return_val_if_fail (valid_field (field), NULL);
  return fields[field].names[0];
}

gboolean
bf_import_field_is_household (BfImportField field)
{
  g_return_val_if_fail (valid_field (field), FALSE);
  return fields[field].household;
}

gboolean
bf_import_field_is_required (BfImportField field)
{
  return field == BF_IMPORT_FIELD_NAME || field == BF_IMPORT_FIELD_ID_NUMBER ||
         field == BF_IMPORT_FIELD_RELATION || field == BF_IMPORT_FIELD_VILLAGE;
}

BfImportKind
_bf_import_field_kind (BfImportField field)
{
  return fields[field].kind;
}

BfCodeList
_bf_import_field_list (BfImportField field)
{
  return fields[field].list;
}

/* ---- Headers ---- */

char *
_bf_import_fold (const char *text)
{
  g_autofree char *nfkc = NULL;
  GString *out;

  const char *p;

  if (text == NULL)
    return g_strdup ("");
  /* Most cells are digits or ASCII words with nothing to fold: skip the normalisation. */
  for (p = text; *p > ' ' && *p < 0x7f; p++)
    ;
  if (*p == '\0')
    return g_strdup (text);
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  out = g_string_sized_new (strlen (nfkc));
  for (p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x200b && c != 0xfeff)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
bf_import_normalize_header (const char *header)
{
  g_autofree char *folded = _bf_import_fold (header);
  char *p;

  /* "*姓名", "姓名*", "姓名:": marks that forms put around a header. */
  for (p = folded; *p == '*'; p++)
    ;
  memmove (folded, p, strlen (p) + 1);
  while (*folded != '\0' && (g_str_has_suffix (folded, "*") || g_str_has_suffix (folded, ":")))
    folded[strlen (folded) - 1] = '\0';
  return g_utf8_casefold (folded, -1);
}

static GHashTable *
synonyms (void)
{
  static gsize ready;
  static GHashTable *table;

  if (g_once_init_enter (&ready))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 1; i < BF_IMPORT_N_FIELDS; i++)
        for (guint j = 0; j < MAX_SYNONYMS && fields[i].names[j] != NULL; j++)
          {
            char *name = bf_import_normalize_header (fields[i].names[j]);

            /* A name two fields share goes to the first: the table's order is the priority. */
            if (!g_hash_table_contains (t, name))
              g_hash_table_insert (t, name, GUINT_TO_POINTER (i));
            else
              g_free (name);
          }
      table = t;
      g_once_init_leave (&ready, 1);
    }
  return table;
}

BfImportField
bf_import_field_for_header (const char *header)
{
  g_autofree char *name = bf_import_normalize_header (header);

  return GPOINTER_TO_UINT (g_hash_table_lookup (synonyms (), name));
}

static guint
significant_headers (const char *const *headers, guint n_headers)
{
  while (n_headers > 0 && (headers[n_headers - 1] == NULL || *headers[n_headers - 1] == '\0'))
    n_headers--;
  return n_headers;
}

char *
bf_import_header_signature (const char *const *headers, guint n_headers)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  n_headers = significant_headers (headers, n_headers);
  for (guint i = 0; i < n_headers; i++)
    {
      g_autofree char *name = bf_import_normalize_header (headers[i]);

      /* The separator cannot be in a normalised header: it has no control characters. */
      g_checksum_update (checksum, (const guchar *) name, strlen (name));
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* ---- Mappings ---- */

BfImportMapping *
bf_import_mapping_new (const char *const *headers, guint n_headers, guint64 header_row)
{
  BfImportMapping *self = g_new0 (BfImportMapping, 1);

  n_headers = significant_headers (headers, n_headers);
  self->n_columns = n_headers;
  self->headers = g_new0 (char *, n_headers + 1);
  self->fields = g_new0 (BfImportField, MAX (n_headers, 1));
  for (guint i = 0; i < n_headers; i++)
    self->headers[i] = g_strdup (headers[i] != NULL ? headers[i] : "");
  self->header_row = header_row;
  self->signature = bf_import_header_signature (headers, n_headers);
  return self;
}

BfImportMapping *
bf_import_mapping_propose (const char *const *headers, guint n_headers, guint64 header_row)
{
  BfImportMapping *self = bf_import_mapping_new (headers, n_headers, header_row);

  for (guint i = 0; i < self->n_columns; i++)
    {
      BfImportField field = bf_import_field_for_header (self->headers[i]);

      if (field != BF_IMPORT_FIELD_NONE && bf_import_mapping_find_column (self, field) < 0)
        self->fields[i] = field;
    }
  return self;
}

BfImportMapping *
bf_import_mapping_copy (const BfImportMapping *mapping)
{
  BfImportMapping *copy = bf_import_mapping_new ((const char *const *) mapping->headers,
                                                 mapping->n_columns, mapping->header_row);

  memcpy (copy->fields, mapping->fields, mapping->n_columns * sizeof (BfImportField));
  return copy;
}

void
bf_import_mapping_free (BfImportMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_strfreev (mapping->headers);
  g_free (mapping->fields);
  g_free (mapping->signature);
  g_free (mapping);
}

gboolean
bf_import_mapping_is_national (const BfImportMapping *mapping)
{
  guint found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (national_keys); i++)
    {
      int column = bf_import_mapping_find_column (mapping, national_keys[i]);
      g_autofree char *name = NULL;

      if (column < 0)
        return FALSE;
      name = bf_import_normalize_header (mapping->headers[column]);
      if (strcmp (name, bf_import_field_national_header (national_keys[i])) != 0)
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (national_headers); i++)
    for (guint j = 0; j < mapping->n_columns; j++)
      {
        g_autofree char *name = bf_import_normalize_header (mapping->headers[j]);

        if (strcmp (name, national_headers[i]) == 0 && mapping->fields[j] != BF_IMPORT_FIELD_NONE)
          {
            found++;
            break;
          }
      }
  return found >= NATIONAL_MIN_HEADERS;
}

guint
bf_import_mapping_get_n_columns (const BfImportMapping *mapping)
{
  return mapping->n_columns;
}

const char *
bf_import_mapping_get_header (const BfImportMapping *mapping, guint column)
{
  g_return_val_if_fail (column < mapping->n_columns, NULL);
  return mapping->headers[column];
}

BfImportField
bf_import_mapping_get_field (const BfImportMapping *mapping, guint column)
{
  if (column >= mapping->n_columns)
    return BF_IMPORT_FIELD_NONE;
  return mapping->fields[column];
}

void
bf_import_mapping_set_field (BfImportMapping *mapping, guint column, BfImportField field)
{
  g_return_if_fail (column < mapping->n_columns && valid_field (field));
  if (field != BF_IMPORT_FIELD_NONE)
    for (guint i = 0; i < mapping->n_columns; i++)
      if (mapping->fields[i] == field)
        mapping->fields[i] = BF_IMPORT_FIELD_NONE;
  mapping->fields[column] = field;
}

int
bf_import_mapping_find_column (const BfImportMapping *mapping, BfImportField field)
{
  for (guint i = 0; i < mapping->n_columns; i++)
    if (mapping->fields[i] == field)
      return (int) i;
  return -1;
}

const char *
bf_import_mapping_get_signature (const BfImportMapping *mapping)
{
  return mapping->signature;
}

guint64
bf_import_mapping_get_header_row (const BfImportMapping *mapping)
{
  return mapping->header_row;
}

void
bf_import_mapping_set_header_row (BfImportMapping *mapping, guint64 header_row)
{
  mapping->header_row = header_row;
}

gboolean
bf_import_mapping_check (const BfImportMapping *mapping, GError **error)
{
  g_autoptr (GString) missing = g_string_new (NULL);

  for (guint i = 1; i < BF_IMPORT_N_FIELDS; i++)
    if (bf_import_field_is_required (i) && bf_import_mapping_find_column (mapping, i) < 0)
      {
        if (missing->len > 0)
          /* TRANSLATORS: between the names of fields in a list */
          g_string_append (missing, _ (", "));
        g_string_append (missing, bf_import_field_label (i));
      }
  if (missing->len > 0)
    {
      g_set_error (error, BF_IMPORT_ERROR, BF_IMPORT_ERROR_MAPPING,
                   _ ("Choose the columns that hold these fields: %s."), missing->str);
      return FALSE;
    }
  return TRUE;
}

char *
bf_import_mapping_to_json (const BfImportMapping *mapping)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "signature");
  json_builder_add_string_value (builder, mapping->signature);
  json_builder_set_member_name (builder, "header_row");
  json_builder_add_int_value (builder, (gint64) mapping->header_row);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mapping->n_columns; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "header");
      json_builder_add_string_value (builder, mapping->headers[i]);
      json_builder_set_member_name (builder, "field");
      if (mapping->fields[i] == BF_IMPORT_FIELD_NONE)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, bf_import_field_key (mapping->fields[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static BfImportMapping *
bad_json (GError **error, const char *why)
{
  g_set_error (error, BF_IMPORT_ERROR, BF_IMPORT_ERROR_MAPPING,
               _ ("The saved column mapping cannot be used: %s"), why);
  return NULL;
}

BfImportMapping *
bf_import_mapping_new_from_json (const char *json, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local = NULL;
  g_autoptr (GPtrArray) headers = g_ptr_array_new ();
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (BfImportField));
  g_autoptr (BfImportMapping) mapping = NULL;
  JsonObject *object;
  JsonArray *columns;
  const char *signature;

  if (!json_parser_load_from_data (parser, json, -1, &local))
    return bad_json (error, local->message);
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return bad_json (error, _ ("it is not a mapping"));
  object = json_node_get_object (json_parser_get_root (parser));
  if (json_object_get_int_member_with_default (object, "version", 0) != 1)
    return bad_json (error, _ ("it was made by another version of Bangfu"));
  if (!json_object_has_member (object, "columns") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "columns")))
    return bad_json (error, _ ("it has no columns"));
  columns = json_object_get_array_member (object, "columns");
  for (guint i = 0; i < json_array_get_length (columns); i++)
    {
      JsonNode *node = json_array_get_element (columns, i);
      JsonObject *column;
      const char *header, *key;
      BfImportField field = BF_IMPORT_FIELD_NONE;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bad_json (error, _ ("a column is not described"));
      column = json_node_get_object (node);
      header = json_object_get_string_member_with_default (column, "header", NULL);
      key = json_object_get_string_member_with_default (column, "field", NULL);
      if (header == NULL)
        return bad_json (error, _ ("a column has no header"));
      if (key != NULL)
        {
          field = bf_import_field_from_key (key);
          if (field == BF_IMPORT_FIELD_NONE)
            {
              g_autofree char *why = g_strdup_printf (_ ("it names an unknown field “%s”"), key);
              return bad_json (error, why);
            }
        }
      g_ptr_array_add (headers, (gpointer) header);
      g_array_append_val (keys, field);
    }
  mapping = bf_import_mapping_new (
    (const char *const *) headers->pdata, headers->len,
    (guint64) MAX (0, json_object_get_int_member_with_default (object, "header_row", 0)));
  signature = json_object_get_string_member_with_default (object, "signature", NULL);
  if (signature != NULL && strcmp (signature, mapping->signature) != 0)
    return bad_json (error, _ ("its signature does not match its headers"));
  for (guint i = 0; i < mapping->n_columns; i++)
    if (g_array_index (keys, BfImportField, i) != BF_IMPORT_FIELD_NONE)
      bf_import_mapping_set_field (mapping, i, g_array_index (keys, BfImportField, i));
  return g_steal_pointer (&mapping);
}
