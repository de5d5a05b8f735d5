/* fuzz-recipe.c — an import recipe (JSON) read with rl_recipe_load_from_data
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-fuzz.h"

#include "rl-recipe.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RlRecipe) recipe = NULL;

  rl_fuzz_init ();
  recipe = rl_recipe_load_from_data ((const char *) data, size, "input.json", NULL);
  if (recipe == NULL)
    return 0;
  rl_recipe_get_id (recipe);
  rl_recipe_get_path (recipe);
  for (guint i = 0; i < rl_recipe_n_indicators (recipe); i++)
    {
      const RlRecipeIndicator *ind = rl_recipe_get_indicator (recipe, i);

      g_assert_nonnull (ind->id);
      for (guint s = 0; ind->sheets != NULL && ind->sheets[s] != NULL; s++)
        g_assert_true (g_utf8_validate (ind->sheets[s], -1, NULL));
    }
  rl_recipe_fits_file (recipe, "/data/gross_regional_product_1996_2020.xls");
  rl_recipe_fits_file (recipe, "input.csv");
  return 0;
}
