/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bf-test-store.h"

BfStore *
bf_test_store_new (const char *dir, const char *name, guint n_villages)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) villages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  BfRegisterSpec spec = { 0 };
  BfStore *store;

  for (guint i = 1; i <= n_villages; i++)
    g_ptr_array_add (villages, g_strdup_printf ("村%u", i));
  g_ptr_array_add (villages, NULL);
  spec.county = "测试县";
  spec.township = "测试镇";
  spec.villages = (const char *const *) villages->pdata;
  spec.groups_per_village = 3;
  spec.operator_name = "测试员";
  store = bf_store_create (path, &spec, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

GBytes *
bf_test_file_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
bf_test_copy_file (const char *from, const char *to)
{
  g_autoptr (GBytes) bytes = bf_test_file_bytes (from);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}
