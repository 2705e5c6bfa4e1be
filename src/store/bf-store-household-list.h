/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Transitional: src/gui still includes this name; its declarations are in bf-store-search.h.
 * Removed once the GUI includes bf-store-search.h. */

#include "bf-store-search.h"
