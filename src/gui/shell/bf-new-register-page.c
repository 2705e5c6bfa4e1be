/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-new-register-page.h"
#include "bf-store.h"

struct _BfNewRegisterPage
{
  AdwBin parent_instance;

  GFile *file;         /* chosen or set: NULL means "follow the township name" */
  GFile *default_file; /* derived from the township name */
  GtkFileChooserNative *chooser;
  GCancellable *cancellable;
  gboolean busy;

  GtkLabel *error_label;
  AdwEntryRow *township_row;
  AdwEntryRow *county_row;
  GtkWidget *villages_card;
  GtkTextView *villages_view;
  GtkSpinButton *groups_spin;
  AdwEntryRow *operator_row;
  AdwActionRow *location_row;
  GtkWidget *form;
};

G_DEFINE_FINAL_TYPE (BfNewRegisterPage, bf_new_register_page, ADW_TYPE_BIN)

enum
{
  SIGNAL_CREATED,
  SIGNAL_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the worker thread needs: owned copies, so the form may change meanwhile. */
typedef struct
{
  char *path;
  char *county;
  char *township;
  char **villages;
  guint groups;
  char *operator_name;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->path);
  g_free (data->county);
  g_free (data->township);
  g_strfreev (data->villages);
  g_free (data->operator_name);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CreateData, create_data_free)

char **
bf_new_register_page_parse_villages (const char *text, char **duplicate)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) parts = NULL;
  g_autofree char *normalized = NULL;
  g_autoptr (GString) buffer = NULL;

  if (duplicate != NULL)
    *duplicate = NULL;
  if (text == NULL)
    text = "";

  /* Caseworkers type Chinese punctuation as often as ASCII: treat them all as separators. */
  buffer = g_string_new (text);
  g_string_replace (buffer, "，", "\n", 0);
  g_string_replace (buffer, "、", "\n", 0);
  g_string_replace (buffer, "；", "\n", 0);
  g_string_replace (buffer, ",", "\n", 0);
  g_string_replace (buffer, ";", "\n", 0);
  normalized = g_string_free (g_steal_pointer (&buffer), FALSE);
  parts = g_strsplit (normalized, "\n", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      /* g_strstrip knows ASCII blanks only; the ideographic space is common in pasted lists. */
      g_autoptr (GString) name = g_string_new (parts[i]);
      g_string_replace (name, "　", " ", 0);
      g_strstrip (name->str);
      if (name->str[0] == '\0')
        continue;
      if (g_hash_table_contains (seen, name->str))
        {
          if (duplicate != NULL)
            *duplicate = g_strdup (name->str);
          return NULL;
        }
      g_strv_builder_add (builder, name->str);
      g_hash_table_add (seen, g_strdup (name->str));
    }

  return g_strv_builder_end (builder);
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
villages_text (BfNewRegisterPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->villages_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GFile *
target_file (BfNewRegisterPage *self)
{
  return self->file != NULL ? self->file : self->default_file;
}

static void
update_location (BfNewRegisterPage *self)
{
  GFile *file = target_file (self);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *display = path != NULL ? g_filename_display_name (path) : NULL;

  adw_action_row_set_subtitle (self->location_row,
                               display != NULL ? display : _ ("Enter the township’s name first"));
}

static GFile *
documents_dir (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL)
    return g_file_new_for_path (documents);
  return g_file_new_build_filename (g_get_home_dir (), "Documents", NULL);
}

/* "<township>.bangfu" with characters a file name cannot hold replaced. */
static char *
file_name_for (const char *township)
{
  g_autofree char *name = g_strdup (township);

  g_strdelimit (name, "/\\:*?\"<>|", '_');
  return g_strconcat (name, ".bangfu", NULL);
}

static void
township_changed_cb (BfNewRegisterPage *self)
{
  g_autofree char *township = entry_text (self->township_row);

  g_clear_object (&self->default_file);
  if (township[0] != '\0')
    {
      g_autoptr (GFile) dir = documents_dir ();
      g_autofree char *name = file_name_for (township);
      self->default_file = g_file_get_child (dir, name);
    }
  update_location (self);
}

static void
clear_errors (BfNewRegisterPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->township_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->operator_row), "error");
  gtk_widget_remove_css_class (self->villages_card, "error");
}

/* Shows @message above the form, marks @field (may be NULL) and puts the focus in it. */
static void
show_error (BfNewRegisterPage *self, GtkWidget *field, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (field == GTK_WIDGET (self->villages_view))
    gtk_widget_add_css_class (self->villages_card, "error");
  else if (field != NULL)
    gtk_widget_add_css_class (field, "error");
  if (field != NULL)
    gtk_widget_grab_focus (field);
}

static void
set_busy (BfNewRegisterPage *self, gboolean busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->form, !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-register.create", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-register.choose-file", !busy);
}

static void
create_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CreateData *data = task_data;
  g_autoptr (GFile) parent = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (data->path);
  g_autoptr (GError) error = NULL;
  BfRegisterSpec spec = {
    .county = data->county,
    .township = data->township,
    .villages = (const char *const *) data->villages,
    .groups_per_village = data->groups,
    .operator_name = data->operator_name,
  };
  BfStore *store;

  /* The default place, ~/Documents, does not exist on every new account. */
  parent = g_file_get_parent (file);
  if (parent != NULL && !g_file_make_directory_with_parents (parent, cancellable, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_clear_error (&error);
    }

  store = bf_store_create (data->path, &spec, &error);
  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
create_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BfNewRegisterPage *self = BF_NEW_REGISTER_PAGE (source);
  g_autoptr (BfStore) store = NULL;
  g_autoptr (GError) error = NULL;

  store = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (store == NULL)
    {
      show_error (self, NULL, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CREATED], 0, store);
}

/* Every check runs before anything is written: bad input changes nothing on disk. */
static void
create_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfNewRegisterPage *self = BF_NEW_REGISTER_PAGE (widget);
  g_autofree char *township = entry_text (self->township_row);
  g_autofree char *operator_name = entry_text (self->operator_row);
  g_autofree char *villages_raw = villages_text (self);
  g_autofree char *duplicate = NULL;
  g_autofree char *path = NULL;
  g_auto (GStrv) villages = NULL;
  g_autoptr (CreateData) data = NULL;
  g_autoptr (GTask) task = NULL;
  GFile *file;

  if (self->busy)
    return;
  clear_errors (self);

  if (township[0] == '\0')
    {
      show_error (self, GTK_WIDGET (self->township_row), _ ("Enter the township’s name."));
      return;
    }

  villages = bf_new_register_page_parse_villages (villages_raw, &duplicate);
  if (villages == NULL)
    {
      g_autofree char *message = g_strdup_printf (
        _ ("The village “%s” is listed twice. Enter each village once."), duplicate);
      show_error (self, GTK_WIDGET (self->villages_view), message);
      return;
    }
  if (villages[0] == NULL)
    {
      show_error (self, GTK_WIDGET (self->villages_view), _ ("Enter at least one village."));
      return;
    }

  if (operator_name[0] == '\0')
    {
      show_error (self, GTK_WIDGET (self->operator_row),
                  _ ("Enter your name. It is written beside every change you make."));
      return;
    }

  file = target_file (self);
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      show_error (self, NULL, _ ("Choose where to save the register: a folder on this computer."));
      return;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *message = g_strdup_printf (
        _ ("“%s” already exists. Bangfu never writes over a file: choose another name "
           "or folder."),
        display);
      show_error (self, NULL, message);
      return;
    }

  data = g_new0 (CreateData, 1);
  data->path = g_steal_pointer (&path);
  data->county = entry_text (self->county_row);
  data->township = g_steal_pointer (&township);
  data->villages = g_steal_pointer (&villages);
  data->groups = (guint) gtk_spin_button_get_value_as_int (self->groups_spin);
  data->operator_name = g_steal_pointer (&operator_name);

  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, create_done_cb, NULL);
  g_task_set_source_tag (task, create_activated);
  g_task_set_task_data (task, g_steal_pointer (&data), (GDestroyNotify) create_data_free);
  g_task_run_in_thread (task, create_thread);
}

static void
cancel_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfNewRegisterPage *self = BF_NEW_REGISTER_PAGE (widget);

  if (self->busy)
    return;
  g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
}

static void
chooser_response_cb (BfNewRegisterPage *self, int response, GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;

      if (name != NULL && !g_str_has_suffix (name, ".bangfu"))
        {
          g_autoptr (GFile) parent = g_file_get_parent (file);
          g_autofree char *with_suffix = g_strconcat (name, ".bangfu", NULL);
          g_clear_object (&file);
          file = g_file_get_child (parent, with_suffix);
        }
      if (file != NULL)
        bf_new_register_page_set_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfNewRegisterPage *self = BF_NEW_REGISTER_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GFile) folder = NULL;
  g_autofree char *township = entry_text (self->township_row);
  g_autofree char *name = file_name_for (township[0] != '\0' ? township : _ ("Register"));
  GFile *current = target_file (self);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (
    _ ("Save the New Register"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
    GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _ ("Bangfu registers"));
  gtk_file_filter_add_pattern (filter, "*.bangfu");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  folder = current != NULL ? g_file_get_parent (current) : documents_dir ();
  if (g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
bf_new_register_page_set_file (BfNewRegisterPage *self, GFile *file)
{
  g_return_if_fail (BF_IS_NEW_REGISTER_PAGE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->file, file);
  update_location (self);
}

GFile *
bf_new_register_page_get_file (BfNewRegisterPage *self)
{
  g_return_val_if_fail (BF_IS_NEW_REGISTER_PAGE (self), NULL);

  return target_file (self);
}

void
bf_new_register_page_reset (BfNewRegisterPage *self, const char *operator_name)
{
  g_return_if_fail (BF_IS_NEW_REGISTER_PAGE (self));

  if (self->busy)
    return;
  clear_errors (self);
  g_clear_object (&self->file);
  gtk_editable_set_text (GTK_EDITABLE (self->township_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->county_row), "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->villages_view), "", -1);
  gtk_spin_button_set_value (self->groups_spin, 5);
  gtk_editable_set_text (GTK_EDITABLE (self->operator_row),
                         operator_name != NULL ? operator_name : "");
  township_changed_cb (self);
}

static void
bf_new_register_page_dispose (GObject *object)
{
  BfNewRegisterPage *self = BF_NEW_REGISTER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->file);
  g_clear_object (&self->default_file);
  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_NEW_REGISTER_PAGE);

  G_OBJECT_CLASS (bf_new_register_page_parent_class)->dispose (object);
}

static void
bf_new_register_page_class_init (BfNewRegisterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bf_new_register_page_dispose;

  signals[SIGNAL_CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, BF_TYPE_STORE);
  signals[SIGNAL_CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/bangfu/Bangfu/shell/bf-new-register-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BfNewRegisterPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, BfNewRegisterPage, township_row);
  gtk_widget_class_bind_template_child (widget_class, BfNewRegisterPage, county_row);
  gtk_widget_class_bind_template_child (widget_class, BfNewRegisterPage, villages_card);
  gtk_widget_class_bind_template_child (widget_class, BfNewRegisterPage, villages_view);
  gtk_widget_class_bind_template_child (widget_class, BfNewRegisterPage, groups_spin);
  gtk_widget_class_bind_template_child (widget_class, BfNewRegisterPage, operator_row);
  gtk_widget_class_bind_template_child (widget_class, BfNewRegisterPage, location_row);
  gtk_widget_class_bind_template_child (widget_class, BfNewRegisterPage, form);
  gtk_widget_class_bind_template_callback (widget_class, township_changed_cb);

  gtk_widget_class_install_action (widget_class, "new-register.create", NULL, create_activated);
  gtk_widget_class_install_action (widget_class, "new-register.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "new-register.choose-file", NULL,
                                   choose_file_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "new-register.cancel",
                                       NULL);
}

static void
bf_new_register_page_init (BfNewRegisterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_location (self);
}

GtkWidget *
bf_new_register_page_new (void)
{
  return g_object_new (BF_TYPE_NEW_REGISTER_PAGE, NULL);
}
