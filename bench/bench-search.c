/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Household search latency: first page (50 rows) and count, p50/p99 per kind of query.
 *
 *   bench-search REGISTER                  time searches on an existing register
 *   bench-search --generate N REGISTER     create REGISTER with N households, each saved through
 *                                          bf_store_household_save
 *
 * Queries are taken from the register itself: the first 1, 2 or 3 characters of members' names,
 * the last six characters of their ID numbers, one or two digits, household numbers. */
#include <math.h>
#include <string.h>

#include "bf-id-number.h"
#include "bf-store-household-private.h"
#include "bf-store-household.h"
#include "bf-store-regions.h"
#include "bf-store-search.h"

#define SAMPLES 300
#define PAGE    50

static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",   "徐", "孙", "马", "朱",
  "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋",   "唐", "许", "韩", "冯",
  "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于",   "蒋", "蔡", "余", "杜",
  "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢",   "姜", "崔", "钟", "谭",
  "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "欧阳", "覃",
};
static const char *const given[] = {
  "伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
  "杰", "娟", "涛", "明", "超", "兰", "霞", "平", "刚", "桂", "华", "玉", "萍", "红",
  "建", "国", "志", "海", "燕", "春", "梅", "文", "斌", "德", "福", "永", "小", "淑",
  "珍", "凤", "翠", "金", "菊", "宏", "晓", "东", "子", "轩", "浩", "然", "梓", "涵",
  "一", "诺", "欣", "怡", "雨", "思", "远", "天", "佑", "家", "荣", "成",
};
static const char *const relations[] = { "spouse", "son",      "daughter",
                                         "parent", "grandson", "granddaughter" };
static const char *const causes[] = { "illness", "disability", "schooling",  "disaster",
                                      "land",    "water",      "skills",     "labour",
                                      "funds",   "transport",  "motivation", "other" };
static const char *const attributes[] = { "general", "dibao", "tekun" };

static char *
random_name (GRand *rand, const char *surname)
{
  GString *name = g_string_new (surname);
  guint n = g_rand_int_range (rand, 0, 10) < 3 ? 1 : 2;

  for (guint i = 0; i < n; i++)
    g_string_append (name, given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))]);
  return g_string_free (name, FALSE);
}

static const char *
random_surname (GRand *rand)
{
  /* Roughly Zipf: the first names of the list are far more common, as in a real township. */
  double u = g_rand_double (rand);
  guint i = (guint) (pow (u, 2.5) * G_N_ELEMENTS (surnames));

  return surnames[MIN (i, G_N_ELEMENTS (surnames) - 1)];
}

static char *
random_id (GRand *rand, GHashTable *taken)
{
  for (;;)
    {
      g_autofree char *first17 =
        g_strdup_printf ("431126%04d%02d%02d%03d", g_rand_int_range (rand, 1940, 2020),
                         g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                         g_rand_int_range (rand, 0, 1000));
      char *id = g_strdup_printf ("%s%c", first17, bf_id_number_check_char (first17));

      if (g_hash_table_add (taken, id))
        return g_strdup (id);
    }
}

static gboolean
generate (BfStore *store, guint n, GError **error)
{
  g_autoptr (GPtrArray) villages = bf_store_list_villages (store, error);
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260501);
  gint64 start = g_get_monotonic_time ();

  if (villages == NULL)
    return FALSE;
  /* A benchmark register: losing it to a power cut costs nothing. */
  sqlite3_exec (_bf_store_db (store), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      BfVillage *village = g_ptr_array_index (villages, g_rand_int_range (rand, 0, villages->len));
      g_autoptr (BfHousehold) h = bf_household_new ();
      const char *surname = random_surname (rand);
      guint members = g_rand_int_range (rand, 1, 7);
      guint c = g_rand_int_range (rand, 0, G_N_ELEMENTS (causes));

      h->number = bf_store_household_next_number (store, village->id, error);
      if (h->number == NULL)
        return FALSE;
      h->village_id = village->id;
      h->group_id = ((BfGroup *) g_ptr_array_index (
                       village->groups, g_rand_int_range (rand, 0, village->groups->len)))
                      ->id;
      h->attribute = g_strdup (attributes[g_rand_int_range (rand, 0, G_N_ELEMENTS (attributes))]);
      h->primary_cause = g_strdup (causes[c]);
      if (g_rand_boolean (rand))
        h->other_causes[0] =
          g_strdup (causes[(c + 1 + g_rand_int_range (rand, 0, 10)) % G_N_ELEMENTS (causes)]);
      for (guint m = 0; m < members; m++)
        {
          BfMember *member = bf_member_new ();

          member->name = random_name (rand, m == 1 ? random_surname (rand) : surname);
          member->id_number = random_id (rand, taken);
          member->relation = g_strdup (
            m == 0 ? "head" : relations[g_rand_int_range (rand, 0, G_N_ELEMENTS (relations))]);
          g_ptr_array_add (h->members, member);
        }
      h->survey = bf_survey_new ();
      h->survey->year = 2025;
      h->survey->wage_fen = g_rand_int_range (rand, 0, 3000000);
      h->survey->transfer_fen = g_rand_int_range (rand, 0, 500000);
      if (!bf_store_household_save (store, h, error))
        return FALSE;
      if ((i + 1) % 10000 == 0)
        g_printerr ("generated %u households, %.0f saves/s\n", i + 1,
                    (i + 1) / ((g_get_monotonic_time () - start) / 1e6));
    }
  g_print ("generated %u households through bf_store_household_save in %.1f s (%.0f saves/s)\n", n,
           (g_get_monotonic_time () - start) / 1e6, n / ((g_get_monotonic_time () - start) / 1e6));
  return TRUE;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted, double p)
{
  guint i = (guint) ceil (p * sorted->len) - 1;

  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

static void
report (const char *what, GArray *page_ms, GArray *count_ms, GArray *rows)
{
  double total_rows = 0;

  g_array_sort (page_ms, compare_double);
  g_array_sort (count_ms, compare_double);
  for (guint i = 0; i < rows->len; i++)
    total_rows += g_array_index (rows, double, i);
  g_print ("%-28s %5u  %8.2f %8.2f %8.2f   %8.2f %8.2f %8.2f   %9.0f\n", what, page_ms->len,
           percentile (page_ms, 0.5), percentile (page_ms, 0.99),
           g_array_index (page_ms, double, page_ms->len - 1), percentile (count_ms, 0.5),
           percentile (count_ms, 0.99), g_array_index (count_ms, double, count_ms->len - 1),
           total_rows / MAX (rows->len, 1));
}

static void
run (BfStore *store,
     const char *what,
     GPtrArray *texts,
     const BfHouseholdQuery *base,
     gboolean quiet)
{
  g_autoptr (GArray) page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) count_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < MAX (texts->len, 1); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (BfHouseholdPage) page = NULL;
      BfHouseholdQuery q = *base;
      gint64 t0, t1, t2, n;
      double ms;

      if (texts->len > 0 && g_ptr_array_index (texts, i) != NULL)
        q.text = g_ptr_array_index (texts, i);
      t0 = g_get_monotonic_time ();
      page = bf_store_household_search (store, &q, NULL, PAGE, &error);
      t1 = g_get_monotonic_time ();
      n = bf_store_household_count (store, &q, &error);
      t2 = g_get_monotonic_time ();
      if (page == NULL || n < 0)
        g_error ("%s: %s", what, error->message);
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (page_ms, ms);
      ms = (t2 - t1) / 1000.0;
      g_array_append_val (count_ms, ms);
      ms = n;
      g_array_append_val (rows, ms);
    }
  if (!quiet)
    report (what, page_ms, count_ms, rows);
}

/* Query texts cut from @n members spread over the register. */
static GPtrArray *
sample (BfStore *store, const char *kind, guint n)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  gint64 max_id;

  sqlite3_prepare_v2 (_bf_store_db (store), "SELECT max(id) FROM members", -1, &stmt, NULL);
  sqlite3_step (stmt);
  max_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (
    _bf_store_db (store),
    "SELECT m.name, m.id_number, h.number FROM members AS m JOIN households AS h ON h.id = m.household_id "
    "WHERE m.id >= ? AND m.deleted_at IS NULL ORDER BY m.id LIMIT 1",
    -1, &stmt, NULL);
  for (guint i = 0; texts->len < n && i < n * 20; i++)
    {
      const char *name, *id;
      glong length;

      sqlite3_bind_int64 (stmt, 1, 1 + (gint64) ((i * 2654435761u) % (guint64) max_id));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          continue;
        }
      name = (const char *) sqlite3_column_text (stmt, 0);
      id = (const char *) sqlite3_column_text (stmt, 1);
      length = g_utf8_strlen (name, -1);
      if (g_str_has_prefix (kind, "name") && length >= kind[4] - '0')
        g_ptr_array_add (texts,
                         g_strndup (name, g_utf8_offset_to_pointer (name, kind[4] - '0') - name));
      else if (strcmp (kind, "id6") == 0)
        g_ptr_array_add (texts, g_strdup (id + 12));
      else if (strcmp (kind, "digit1") == 0)
        g_ptr_array_add (texts, g_strndup (id + 17 - i % 10, 1));
      else if (strcmp (kind, "digit2") == 0)
        g_ptr_array_add (texts, g_strndup (id + 14 - i % 10, 2));
      else if (strcmp (kind, "number") == 0)
        g_ptr_array_add (texts, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  return texts;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStore) store = NULL;
  g_autoptr (GPtrArray) repeat = g_ptr_array_new (); /* no text, 30 times */
  static const char *const sort_names[] = { "number",    "head",       "village", "members",
                                            "attribute", "monitoring", "cause",   "status",
                                            "income",    "updated" };
  g_autoptr (GPtrArray) villages = NULL;
  const char *path;
  gint64 t0;
  struct
  {
    const char *kind, *label;
  } kinds[] = {
    { "name1", "name, 1 character" },  { "name2", "name, 2 characters" },
    { "name3", "name, 3 characters" }, { "id6", "ID, last 6 characters" },
    { "digit1", "ID, 1 digit" },       { "digit2", "ID, 2 digits" },
    { "number", "household number" },
  };

  if (argc == 4 && strcmp (argv[1], "--generate") == 0)
    {
      const char *village_names[13] = { NULL };
      BfRegisterSpec spec = { "青山县", "石门乡", village_names, 8, "bench" };

      for (guint i = 0; i < 12; i++)
        village_names[i] = g_strdup_printf ("%u村", i + 1);
      path = argv[3];
      store = bf_store_create (path, &spec, &error);
      if (store == NULL ||
          !generate (store, (guint) g_ascii_strtoull (argv[2], NULL, 10), &error) ||
          !bf_store_close (store, &error))
        g_error ("%s", error->message);
      return 0;
    }
  else if (argc == 2)
    {
      path = argv[1];
      store = bf_store_open (path, BF_STORE_OPEN_DEFAULT, &error);
      if (store == NULL)
        g_error ("%s", error->message);
    }
  else
    {
      g_printerr ("usage: bench-search [--generate N] REGISTER\n");
      return 2;
    }

  /* BENCH_CACHE_KIB=65536: what a larger SQLite page cache than the store's would change. */
  if (g_getenv ("BENCH_CACHE_KIB") != NULL)
    {
      g_autofree char *pragma =
        g_strdup_printf ("PRAGMA cache_size = -%s", g_getenv ("BENCH_CACHE_KIB"));

      sqlite3_exec (_bf_store_db (store), pragma, NULL, NULL, NULL);
      g_print ("page cache: %s KiB\n", g_getenv ("BENCH_CACHE_KIB"));
    }
  t0 = g_get_monotonic_time ();
  if (!_bf_store_search_rebuild (store, &error))
    g_error ("%s", error->message);
  g_print ("search index check/rebuild: %.1f s\n", (g_get_monotonic_time () - t0) / 1e6);
  {
    BfHouseholdQuery all = { 0 };
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (_bf_store_db (store),
                        "SELECT count(*) FROM members WHERE deleted_at IS NULL", -1, &stmt, NULL);
    sqlite3_step (stmt);
    g_print ("register: %" G_GINT64_FORMAT " households, %" G_GINT64_FORMAT " members\n\n",
             bf_store_household_count (store, &all, NULL), (gint64) sqlite3_column_int64 (stmt, 0));
    sqlite3_finalize (stmt);
  }

  g_print ("%-28s %5s  %26s   %26s   %9s\n", "", "", "first page of 50 (ms)", "count (ms)", "");
  g_print ("%-28s %5s  %8s %8s %8s   %8s %8s %8s   %9s\n", "query", "n", "p50", "p99", "max", "p50",
           "p99", "max", "avg rows");
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr (GPtrArray) texts = sample (store, kinds[k].kind, SAMPLES);
      BfHouseholdQuery q = { 0 };

      run (store, kinds[k].label, texts, &q, TRUE); /* warm-up: the page cache, as in a session */
      run (store, kinds[k].label, texts, &q, FALSE);
    }

  /* Lists without text: every sort both ways, and the filters. */
  for (guint i = 0; i < 30; i++)
    g_ptr_array_add (repeat, NULL);
  g_print ("\n");
  for (BfHouseholdSort sort = BF_HOUSEHOLD_SORT_NUMBER; sort <= BF_HOUSEHOLD_SORT_UPDATED; sort++)
    for (int desc = 0; desc <= 1; desc++)
      {
        BfHouseholdQuery q = { .sort = sort, .descending = desc };
        g_autofree char *label =
          g_strdup_printf ("all, %s%s", sort_names[sort], desc ? " desc" : "");

        run (store, label, repeat, &q, FALSE);
      }
  villages = bf_store_list_villages (store, &error);
  {
    BfVillage *v = g_ptr_array_index (villages, 0);
    g_autoptr (GPtrArray) names = sample (store, "name1", 50);
    const struct
    {
      const char *label;
      BfHouseholdQuery q;
    } filters[] = {
      { "village", { .village_id = v->id } },
      { "village + group",
        { .village_id = v->id, .group_id = ((BfGroup *) g_ptr_array_index (v->groups, 0))->id } },
      { "status (all households)", { .status = "surveyed" } },
      { "status (none), by head", { .status = "rejected", .sort = BF_HOUSEHOLD_SORT_HEAD } },
      { "monitoring type", { .monitoring_type = "marginal" } },
      { "cause (primary or other)", { .cause = "illness" } },
      { "attribute + cause, by income",
        { .attribute = "dibao", .cause = "land", .sort = BF_HOUSEHOLD_SORT_INCOME } },
      { "village + 1-char name", { .village_id = v->id } },
      { "cause + 1-char name, by head", { .cause = "schooling", .sort = BF_HOUSEHOLD_SORT_HEAD } },
    };

    for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
      run (store, filters[i].label, strstr (filters[i].label, "name") ? names : repeat,
           &filters[i].q, FALSE);
  }

  if (!bf_store_close (store, &error))
    g_error ("%s", error->message);
  return 0;
}
