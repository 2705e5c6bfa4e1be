/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bf-assessment-page.h"
#include "bf-demo.h"
#include "bf-households-page.h"
#include "bf-ledgers-page.h"
#include "bf-new-register-page.h"
#include "bf-notices-page.h"
#include "bf-plans-page.h"
#include "bf-store-backup.h"
#include "bf-store-verify.h"
#include "bf-window.h"

struct _BfWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  BfStore *store;
  GCancellable *open_cancellable;
  /* The whole-file check of the open register, run after it opened (bf-store-verify.h). */
  GCancellable *verify_cancellable;
  BfWindowCheck check;
  GtkFileChooserNative *open_chooser;
  /* A backup runs in a thread on this store; it is closed when the backup ends. */
  BfStore *backup_store;
  gboolean close_after_backup;
  GApplication *held_application; /* kept running until that backup ends */
  gint64 backup_counter;          /* the store's change counter when the running backup began */
  gint64 backed_up_counter;       /* … when the last backup began, or when the store was opened */
  guint backup_timer;

  AdwToastOverlay *toast_overlay;
  BfHouseholdsPage *households_page;
  BfNoticesPage *notices_page;
  BfPlansPage *plans_page;
  BfAssessmentPage *assessment_page;
  BfLedgersPage *ledgers_page;
  gboolean leave_confirmed; /* unsaved household changes were saved or discarded: close */
  GtkStack *main_stack;
  BfNewRegisterPage *new_register_page;
  AdwStatusPage *loading_status;
  GtkSpinner *loading_spinner;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *sidebar_separator;
  GtkWidget *content;
  AdwWindowTitle *register_title;
  AdwWindowTitle *page_title;
  GtkListBox *page_list;
  GtkStack *content_stack;
};

G_DEFINE_FINAL_TYPE (BfWindow, bf_window, ADW_TYPE_APPLICATION_WINDOW)

static void offer_backup (BfWindow *self,
                          const char *path,
                          const char *backup,
                          const char *heading,
                          const char *message);

/* A verified backup every 30 minutes while the register changes. */
#define BACKUP_INTERVAL_SECONDS (30 * 60)

static gboolean periodic_backup_cb (gpointer data);

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CHECK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkApplication *
window_application (BfWindow *self)
{
  return gtk_window_get_application (GTK_WINDOW (self));
}

static void
update_actions (BfWindow *self)
{
  gboolean open = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup",
                                 open && self->backup_store == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-sidebar", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sidebar", open);
}

static void
update_title (BfWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *township;

  if (self->store == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _ ("Bangfu"));
      return;
    }

  name = g_filename_display_basename (bf_store_get_path (self->store));
  township = bf_store_get_township (self->store);
  if (township == NULL || *township == '\0')
    township = _ ("Bangfu");
  /* Translators: the window title: township name — register file name */
  title = g_strdup_printf (_ ("%s — %s"), township, name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->register_title, township);
  switch (self->check)
    {
      case BF_WINDOW_CHECK_RUNNING:
        /* Translators: the register's file name, while its whole file is checked */
        subtitle = g_strdup_printf (_ ("%s · checking the file…"), name);
        break;
      case BF_WINDOW_CHECK_DAMAGED:
        /* Translators: the register's file name, once its check found damage */
        subtitle = g_strdup_printf (_ ("%s · damaged: nothing can be changed"), name);
        break;
      case BF_WINDOW_CHECK_FAILED:
        /* Translators: the register's file name, when its check could not run */
        subtitle = g_strdup_printf (_ ("%s · not checked"), name);
        break;
      case BF_WINDOW_CHECK_NONE:
      case BF_WINDOW_CHECK_SOUND:
        subtitle = g_strdup (name);
        break;
    }
  adw_window_title_set_subtitle (self->register_title, subtitle);
}

static void
show_error_dialog (BfWindow *self, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_store (BfStore *store)
{
  g_autoptr (GError) error = NULL;

  /* Every write was committed when it was made; what can fail here is the closing backup. The
   * window is going away, so the message goes to the log. */
  if (!bf_store_close (store, &error))
    g_printerr ("%s: %s\n", bf_store_get_path (store), error->message);
  g_object_unref (store);
}

/* Lets go of the open register: closed now, or when its running backup ends. */
static void
release_store (BfWindow *self)
{
  BfStore *store = g_steal_pointer (&self->store);

  g_cancellable_cancel (self->verify_cancellable);
  g_clear_object (&self->verify_cancellable);
  self->check = BF_WINDOW_CHECK_NONE;
  if (store == NULL)
    return;
  /* The pages let go of it first (their "store" is bound to the window's). */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  if (store == self->backup_store)
    {
      GtkApplication *application = window_application (self);

      self->close_after_backup = TRUE;
      if (application != NULL && self->held_application == NULL)
        {
          self->held_application = g_object_ref (G_APPLICATION (application));
          g_application_hold (self->held_application);
        }
      g_object_unref (store); /* backup_store holds its own reference */
    }
  else
    close_store (store);
}

static void
show_register (BfWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, self->store != NULL ? "register" : "welcome");
}

static void
verified_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BfWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (BfStoreVerification) verification =
    bf_store_verify_finish (BF_STORE (source), result, &error);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  /* Cancelled: the register was closed meanwhile, or the window. */
  if (g_error_matches (error, BF_STORE_ERROR, BF_STORE_ERROR_CANCELLED) ||
      BF_STORE (source) != self->store)
    return;
  if (verification == NULL)
    {
      g_warning ("%s: %s", bf_store_get_path (self->store), error->message);
      self->check = BF_WINDOW_CHECK_FAILED;
      update_title (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK]);
      return;
    }
  g_debug ("whole-file check of %s: %s", bf_store_get_path (self->store),
           verification->damaged ? "damaged" : "sound");
  self->check = verification->damaged ? BF_WINDOW_CHECK_DAMAGED : BF_WINDOW_CHECK_SOUND;
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK]);
  if (!verification->damaged)
    return;

  name = g_filename_display_basename (bf_store_get_path (self->store));
  /* Translators: %s is a file name */
  heading = g_strdup_printf (_ ("“%s” Is Damaged"), name);
  if (verification->backup_path != NULL)
    offer_backup (self, bf_store_get_path (self->store), verification->backup_path, heading,
                  verification->message);
  else
    show_error_dialog (self, heading, verification->message);
}

/* The register opened on a check of the pages its first screen reads; the rest of the file is
 * checked now, on a connection of its own, while it is used. */
static void
start_check (BfWindow *self)
{
  g_cancellable_cancel (self->verify_cancellable);
  g_clear_object (&self->verify_cancellable);
  self->verify_cancellable = g_cancellable_new ();
  self->check = BF_WINDOW_CHECK_RUNNING;
  bf_store_verify_async (self->store, self->verify_cancellable, verified_cb, g_object_ref (self));
}

static void
adopt_store (BfWindow *self, BfStore *store)
{
  g_autofree char *operator_name = g_settings_get_string (self->settings, "operator-name");

  release_store (self);
  self->store = g_object_ref (store);
  if (operator_name[0] != '\0')
    bf_store_set_operator (store, operator_name);
  start_check (self);
  g_settings_set_string (self->settings, "last-file", bf_store_get_path (store));
  self->backed_up_counter = bf_store_get_change_counter (store);
  if (self->backup_timer == 0)
    self->backup_timer = g_timeout_add_seconds (BACKUP_INTERVAL_SECONDS, periodic_backup_cb, self);

  update_title (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  bf_window_show_page (self, "households");
  show_register (self);
}

static void
operator_changed_cb (BfWindow *self)
{
  g_autofree char *operator_name = g_settings_get_string (self->settings, "operator-name");

  if (self->store != NULL && operator_name[0] != '\0')
    bf_store_set_operator (self->store, operator_name);
}

/* Opening */

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  BfStore *store = bf_store_open (task_data, BF_STORE_OPEN_EXCLUSIVE, &error);

  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, (GDestroyNotify) close_store);
}

static void open_path (BfWindow *self, const char *path);

typedef struct
{
  BfWindow *window;
  char *path;
  char *backup;
} RestoreOffer;

static void
restore_offer_free (RestoreOffer *offer)
{
  g_object_unref (offer->window);
  g_free (offer->path);
  g_free (offer->backup);
  g_free (offer);
}

static void
restore_response_cb (AdwMessageDialog *dialog, const char *response, RestoreOffer *offer)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "restore") == 0)
    {
      /* A register found damaged after it opened is let go of first. */
      if (offer->window->store != NULL &&
          g_strcmp0 (bf_store_get_path (offer->window->store), offer->path) == 0)
        {
          release_store (offer->window);
          update_title (offer->window);
          update_actions (offer->window);
          show_register (offer->window);
        }
      if (bf_store_restore (offer->path, offer->backup, &error))
        open_path (offer->window, offer->path);
      else
        show_error_dialog (offer->window, _ ("Could Not Restore the Backup"), error->message);
    }
  restore_offer_free (offer);
}

/* A damaged register is never repaired in place: Bangfu offers @backup, which the store puts in
 * place after setting the damaged file aside. */
static void
offer_backup (BfWindow *self,
              const char *path,
              const char *backup,
              const char *heading,
              const char *message)
{
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  RestoreOffer *offer;
  GtkWidget *dialog;

  when = g_filename_display_basename (backup);
  body =
    g_strdup_printf (_ ("%s\n\nThe newest backup is “%s”. Restoring it sets the damaged file aside "
                        "beside it; nothing is deleted."),
                     message, when);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"), "restore",
                                    _ ("_Restore Backup"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  offer = g_new0 (RestoreOffer, 1);
  offer->window = g_object_ref (self);
  offer->path = g_strdup (path);
  offer->backup = g_strdup (backup);
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), offer);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The newest backup of @path offered, when there is one. */
static gboolean
offer_newest_backup (BfWindow *self, const char *path, const char *heading, const char *message)
{
  g_autoptr (GPtrArray) backups = bf_store_list_backups (path, NULL);

  if (backups == NULL || backups->len == 0)
    return FALSE;
  offer_backup (self, path, g_ptr_array_index (backups, 0), heading, message);
  return TRUE;
}

static void
open_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BfWindow *self = BF_WINDOW (source);
  g_autofree char *path = user_data;
  g_autoptr (GError) error = NULL;
  BfStore *store;

  store = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->loading_spinner);
  if (store == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_ ("Could Not Open “%s”"), name);

      show_register (self);
      if (!g_error_matches (error, BF_STORE_ERROR, BF_STORE_ERROR_DAMAGED) ||
          !offer_newest_backup (self, path, heading, error->message))
        show_error_dialog (self, heading, error->message);
      return;
    }

  adopt_store (self, store);
  g_object_unref (store);
}

static void
open_path (BfWindow *self, const char *path)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->store != NULL && g_strcmp0 (bf_store_get_path (self->store), path) == 0)
    {
      show_register (self);
      return;
    }

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  name = g_filename_display_basename (path);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_ ("Opening “%s”…"), name);
  adw_status_page_set_title (self->loading_status, title);
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");

  /* Checking a large register takes seconds: never on the main loop. */
  task = g_task_new (self, self->open_cancellable, open_done_cb, g_strdup (path));
  g_task_set_source_tag (task, open_path);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

/* Demo township */

static void
demo_created_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BfWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = bf_demo_path ();

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.try-demo", TRUE);
  adw_status_page_set_description (self->loading_status, NULL);
  if (!bf_demo_create_finish (result, &error))
    {
      gtk_spinner_stop (self->loading_spinner);
      show_register (self);
      show_error_dialog (self, _ ("Could Not Create the Demo Township"), error->message);
      return;
    }
  open_path (self, path);
}

static void
try_demo_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfWindow *self = BF_WINDOW (widget);
  g_autofree char *path = bf_demo_path ();
  g_autofree char *description = NULL;

  /* Made once; afterwards the same demo opens (a new one would lose what was tried in it). */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      open_path (self, path);
      return;
    }
  description = g_strdup_printf (
    _ ("%d invented households with their members, surveys and history, in a register of their "
       "own. Your registers are not touched."),
    BF_DEMO_HOUSEHOLDS);
  adw_status_page_set_title (self->loading_status, _ ("Creating a Demo Township…"));
  adw_status_page_set_description (self->loading_status, description);
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_widget_action_set_enabled (widget, "win.try-demo", FALSE);
  bf_demo_create_async (path, BF_DEMO_HOUSEHOLDS, NULL, demo_created_cb, g_object_ref (self));
}

void
bf_window_open_file (BfWindow *self, GFile *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (BF_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *heading = g_strdup_printf (_ ("Could Not Open “%s”"), uri);
      show_error_dialog (self, heading,
                         _ ("Bangfu opens registers kept on this computer only. Copy the file "
                            "to this computer first."));
      return;
    }
  open_path (self, path);
}

static void
open_response_cb (BfWindow *self, int response, GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        bf_window_open_file (self, file);
    }
  g_clear_object (&self->open_chooser);
}

static void
open_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfWindow *self = BF_WINDOW (widget);
  g_autoptr (GtkFileFilter) registers = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  if (self->open_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_chooser));
      return;
    }

  self->open_chooser =
    gtk_file_chooser_native_new (_ ("Open a Register"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->open_chooser), TRUE);
  gtk_file_filter_set_name (registers, _ ("Bangfu registers"));
  gtk_file_filter_add_pattern (registers, "*.bangfu");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->open_chooser), registers);
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->open_chooser), all);

  g_signal_connect_object (self->open_chooser, "response", G_CALLBACK (open_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_chooser));
}

/* New register */

static void
new_register_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfWindow *self = BF_WINDOW (widget);
  g_autofree char *operator_name = g_settings_get_string (self->settings, "operator-name");

  if (operator_name[0] == '\0')
    operator_name = g_strdup (g_get_real_name ());
  if (g_strcmp0 (operator_name, "Unknown") == 0)
    g_clear_pointer (&operator_name, g_free);
  bf_new_register_page_reset (self->new_register_page, operator_name);
  gtk_stack_set_visible_child_name (self->main_stack, "new-register");
}

static void
new_register_created_cb (BfWindow *self, BfStore *store)
{
  const char *operator_name = bf_store_get_operator (store);

  if (operator_name != NULL && *operator_name != '\0')
    g_settings_set_string (self->settings, "operator-name", operator_name);
  adopt_store (self, store);
}

static void
new_register_cancelled_cb (BfWindow *self)
{
  show_register (self);
}

/* Backup */

/* bf_store_backup() reads through a connection of its own: the window may go on writing through
 * the store meanwhile. */
static void
backup_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  char *path = bf_store_backup (task_data, NULL, &error);

  if (path == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, path, g_free);
}

static void
backup_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BfWindow *self = BF_WINDOW (source);
  gboolean announce = GPOINTER_TO_INT (user_data);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *message = NULL;
  BfStore *store = g_steal_pointer (&self->backup_store);

  if (path != NULL && store == self->store)
    self->backed_up_counter = self->backup_counter;

  if (self->close_after_backup)
    {
      /* The register was closed (or another opened) while the backup ran. */
      self->close_after_backup = FALSE;
      close_store (store);
    }
  else
    {
      g_object_unref (store);
    }
  if (self->held_application != NULL)
    {
      g_application_release (self->held_application);
      g_clear_object (&self->held_application);
    }

  if (path != NULL && announce)
    {
      g_autofree char *name = g_filename_display_basename (path);
      /* Translators: %s is the backup's file name */
      message = g_strdup_printf (_ ("Backed up as “%s”"), name);
    }
  else if (path == NULL)
    {
      /* Translators: %s says why */
      message = g_strdup_printf (_ ("Backup failed: %s"), error->message);
    }
  /* The window may have been closed meanwhile; then nobody is there to read the toast. */
  if (self->toast_overlay != NULL)
    {
      if (message != NULL)
        bf_window_add_toast (self, message);
      update_actions (self);
    }
}

/* Backs up in a worker thread; @announce: a toast says where (failures are always told). */
static void
start_backup (BfWindow *self, gboolean announce)
{
  g_autoptr (GTask) task = NULL;

  self->backup_store = g_object_ref (self->store);
  self->backup_counter = bf_store_get_change_counter (self->store);
  task = g_task_new (self, NULL, backup_done_cb, GINT_TO_POINTER (announce));
  g_task_set_source_tag (task, start_backup);
  g_task_set_task_data (task, g_object_ref (self->backup_store), g_object_unref);
  g_task_run_in_thread (task, backup_thread);
  update_actions (self);
}

static void
backup_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfWindow *self = BF_WINDOW (widget);

  if (self->store != NULL && self->backup_store == NULL)
    start_backup (self, TRUE);
}

gboolean
bf_window_backup_if_changed (BfWindow *self)
{
  g_return_val_if_fail (BF_IS_WINDOW (self), FALSE);

  if (self->store == NULL || self->backup_store != NULL ||
      bf_store_get_change_counter (self->store) == self->backed_up_counter)
    return FALSE;
  start_backup (self, FALSE);
  return TRUE;
}

static gboolean
periodic_backup_cb (gpointer data)
{
  bf_window_backup_if_changed (data);
  return G_SOURCE_CONTINUE;
}

/* Navigation */

/* From the assistance plans and supervision lists: the household in the Households page. */
static void
show_household_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfWindow *self = BF_WINDOW (widget);

  if (self->store == NULL)
    return;
  bf_window_show_page (self, "households");
  bf_households_page_open_household (self->households_page, g_variant_get_int64 (parameter));
}

/* From the household form: the household's exit checks and steps in the Assessment & exit page. */
static void
show_assessment_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfWindow *self = BF_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);

  if (self->store == NULL || id <= 0)
    return;
  bf_window_show_page (self, "assessment");
  bf_assessment_page_show_household (self->assessment_page, id);
}

static void
toast_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  bf_window_add_toast (BF_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_page_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  bf_window_show_page (BF_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
set_sidebar_visible (BfWindow *self, gboolean visible)
{
  gtk_widget_set_visible (self->sidebar, visible);
  gtk_widget_set_visible (self->sidebar_separator, visible);
}

static void
show_sidebar_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfWindow *self = BF_WINDOW (widget);

  set_sidebar_visible (self, TRUE);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->page_list));
}

/* Folded, the sidebar and the page take turns; unfolded, the sidebar hides to give the page room.
 */
static void
toggle_sidebar_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BfWindow *self = BF_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    {
      if (gtk_widget_get_visible (self->sidebar) &&
          adw_leaflet_get_visible_child (self->leaflet) == self->sidebar)
        adw_leaflet_set_visible_child (self->leaflet, self->content);
      else
        show_sidebar_activated (widget, action_name, parameter);
    }
  else
    {
      set_sidebar_visible (self, !gtk_widget_get_visible (self->sidebar));
    }
}

static void
page_list_row_activated_cb (BfWindow *self, GtkListBoxRow *row)
{
  bf_window_show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
content_stack_visible_child_cb (BfWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->content_stack);

  if (child != NULL)
    adw_window_title_set_title (
      self->page_title, gtk_stack_page_get_title (gtk_stack_get_page (self->content_stack, child)));
}

void
bf_window_show_page (BfWindow *self, const char *name)
{
  g_return_if_fail (BF_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (gtk_stack_get_child_by_name (self->content_stack, name) == NULL)
    {
      g_critical ("No page named “%s”", name);
      return;
    }

  gtk_stack_set_visible_child_name (self->content_stack, name);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->page_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
        gtk_list_box_select_row (self->page_list, GTK_LIST_BOX_ROW (row));
    }
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

BfWindowCheck
bf_window_get_check (BfWindow *self)
{
  g_return_val_if_fail (BF_IS_WINDOW (self), BF_WINDOW_CHECK_NONE);

  return self->check;
}

BfStore *
bf_window_get_store (BfWindow *self)
{
  g_return_val_if_fail (BF_IS_WINDOW (self), NULL);

  return self->store;
}

void
bf_window_add_toast (BfWindow *self, const char *title)
{
  g_return_if_fail (BF_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* Window state */

static gboolean
close_after_leave (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
leave_for_close_cb (gboolean may_leave, gpointer data)
{
  BfWindow *self = data;

  /* Closed once the dialog that asked is gone: it is transient for this window. */
  if (may_leave)
    {
      self->leave_confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_after_leave, g_object_ref (self), g_object_unref);
    }
  g_object_unref (self);
}

static gboolean
bf_window_close_request (GtkWindow *window)
{
  BfWindow *self = BF_WINDOW (window);
  int width, height;

  /* A household form with unsaved changes asks first (its draft is kept meanwhile). */
  if (!self->leave_confirmed && self->store != NULL &&
      bf_household_editor_get_dirty (bf_households_page_get_editor (self->households_page)))
    {
      bf_households_page_request_leave (self->households_page, leave_for_close_cb,
                                        g_object_ref (self));
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  g_cancellable_cancel (self->open_cancellable);
  release_store (self);

  return GTK_WINDOW_CLASS (bf_window_parent_class)->close_request (window);
}

static void
bf_window_constructed (GObject *object)
{
  BfWindow *self = BF_WINDOW (object);

  G_OBJECT_CLASS (bf_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
bf_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BfWindow *self = BF_WINDOW (object);

  switch (prop_id)
    {
      case PROP_STORE:
        g_value_set_object (value, self->store);
        break;
      case PROP_CHECK:
        g_value_set_int (value, self->check);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bf_window_dispose (GObject *object)
{
  BfWindow *self = BF_WINDOW (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  if (self->open_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->open_chooser));
  g_clear_object (&self->open_chooser);
  g_clear_handle_id (&self->backup_timer, g_source_remove);
  release_store (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BF_TYPE_WINDOW);

  G_OBJECT_CLASS (bf_window_parent_class)->dispose (object);
}

static void
bf_window_finalize (GObject *object)
{
  BfWindow *self = BF_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bf_window_parent_class)->finalize (object);
}

static void
bf_window_class_init (BfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bf_window_constructed;
  object_class->get_property = bf_window_get_property;
  object_class->dispose = bf_window_dispose;
  object_class->finalize = bf_window_finalize;
  window_class->close_request = bf_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BF_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECK] = g_param_spec_int (
    "check", NULL, NULL, BF_WINDOW_CHECK_NONE, BF_WINDOW_CHECK_FAILED, BF_WINDOW_CHECK_NONE,
    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The pages the template instantiates by name. */
  g_type_ensure (BF_TYPE_NEW_REGISTER_PAGE);
  g_type_ensure (BF_TYPE_HOUSEHOLDS_PAGE);
  g_type_ensure (BF_TYPE_NOTICES_PAGE);
  g_type_ensure (BF_TYPE_PLANS_PAGE);
  g_type_ensure (BF_TYPE_ASSESSMENT_PAGE);
  g_type_ensure (BF_TYPE_LEDGERS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bangfu/Bangfu/shell/bf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, households_page);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, notices_page);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, plans_page);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, assessment_page);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, ledgers_page);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, new_register_page);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, loading_status);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, content);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, register_title);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, page_list);
  gtk_widget_class_bind_template_child (widget_class, BfWindow, content_stack);
  gtk_widget_class_bind_template_callback (widget_class, page_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, content_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_register_created_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_register_cancelled_cb);

  gtk_widget_class_install_action (widget_class, "win.new-register", NULL, new_register_activated);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.try-demo", NULL, try_demo_activated);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_activated);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  /* Navigation and messages for the widgets inside: they activate these instead of looking for
   * the window or a page. */
  gtk_widget_class_install_action (widget_class, "win.show-household", "x",
                                   show_household_activated);
  gtk_widget_class_install_action (widget_class, "win.show-assessment", "x",
                                   show_assessment_activated);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_activated);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_activated);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL,
                                   toggle_sidebar_activated);
}

static void
bf_window_init (BfWindow *self)
{
  GtkWidget *pages[5];

  self->settings = g_settings_new (APP_ID);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Every page shows the open register: the window's store is theirs. */
  pages[0] = GTK_WIDGET (self->households_page);
  pages[1] = GTK_WIDGET (self->notices_page);
  pages[2] = GTK_WIDGET (self->plans_page);
  pages[3] = GTK_WIDGET (self->assessment_page);
  pages[4] = GTK_WIDGET (self->ledgers_page);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_object_bind_property (self, "store", pages[i], "store", G_BINDING_DEFAULT);

  g_signal_connect_object (self->settings, "changed::operator-name",
                           G_CALLBACK (operator_changed_cb), self, G_CONNECT_SWAPPED);
  content_stack_visible_child_cb (self);
  update_title (self);
  update_actions (self);
}

BfWindow *
bf_window_new (BfApplication *application)
{
  return g_object_new (BF_TYPE_WINDOW, "application", application, NULL);
}
