/* test-util.h — fresh databases and dumps for the model tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tract-store.h"

G_BEGIN_DECLS

typedef struct
{
  char       *directory;
  char       *path;
  TractStore *store;
} TestDatabase;

void   test_database_setup    (TestDatabase  *fixture,
                               gconstpointer  data);
void   test_database_teardown (TestDatabase  *fixture,
                               gconstpointer  data);
/* Every row of every table, in a stable text form. */
char  *test_dump              (TractStore    *store);
char  *test_file_checksum     (const char    *path);
char  *test_hostile_text      (guint          index);
guint  test_n_hostile_texts   (void);

G_END_DECLS
