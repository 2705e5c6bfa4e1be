/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale from the environment and binds the message catalogue, for bangfu and
 * bangfu-cli alike; call it first in main(). Chinese works from LANGUAGE=zh_CN even where no
 * zh_CN locale exists or LANG=C. $BANGFU_LOCALEDIR overrides the installed catalogue, which is
 * found as bf-install-dirs.h says. */
void bf_i18n_init (void);
const char *bf_i18n_get_localedir (void);

G_END_DECLS
