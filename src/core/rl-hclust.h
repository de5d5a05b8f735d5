/* rl-hclust.h — hierarchical agglomerative clustering with a SciPy-compatible linkage
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "rl-clustering.h"

G_BEGIN_DECLS

typedef enum
{
  RL_LINKAGE_SINGLE,    /* minimum distance between members */
  RL_LINKAGE_COMPLETE,  /* maximum distance between members */
  RL_LINKAGE_AVERAGE,   /* mean distance between members (UPGMA) */
  RL_LINKAGE_WARD,      /* Ward's minimum variance, heights as SciPy gives them */
} RlLinkage;

/* "single", "complete", "average", "ward" ↔ RlLinkage. */
const char *rl_linkage_to_string   (RlLinkage   method);
gboolean    rl_linkage_from_string (const char *name,
                                    RlLinkage  *method,
                                    GError    **error);

/* Clusters the n rows of @X (Euclidean distances) and returns the linkage
 * matrix in SciPy's layout: n − 1 rows [a, b, height, size], rows sorted by
 * height (ties kept in merge order), points numbered 0 .. n − 1, the cluster
 * made by row i numbered n + i, and a < b. Row for row the same matrix as
 * scipy.cluster.hierarchy.linkage(X, method).
 *
 * Single linkage runs Prim's algorithm on distances computed on the fly
 * (O(n) memory); the others run the nearest-neighbour chain with
 * Lance–Williams updates on a distance matrix: n² doubles up to 23170 rows
 * (SciPy's peak for its distances and their working copy), the condensed
 * n (n − 1) / 2 above. Needs n >= 2 finite rows. */
gsl_matrix *rl_hclust_linkage (const gsl_matrix *X,
                               RlLinkage         method,
                               GCancellable     *cancellable,
                               GError          **error);

/* Cuts the tree into exactly @k clusters by undoing its last k − 1 merges.
 * Returns n labels in 0 .. k − 1, numbered in order of first appearance
 * (the cluster of point 0 is 0, the next new cluster met is 1, …): the
 * partition of SciPy's cut_tree(Z, n_clusters = k). SciPy's
 * fcluster(Z, k, "maxclust") gives the same partition whenever it finds k
 * clusters; it may find fewer (its threshold search skips the lowest merge
 * and stops at tied heights). */
guint      *rl_hclust_cut (const gsl_matrix *linkage,
                           guint             k,
                           GError          **error);

/* The order of the n points along the dendrogram, left to right, as SciPy's
 * leaves_list(Z): depth first, row entry a before b. n entries. */
guint      *rl_hclust_leaf_order (const gsl_matrix *linkage);

/* Linkage, cut into @k clusters, and the common result: method "hclust",
 * labels, centres (cluster means), inertia, f_k and the linkage matrix.
 * A single row with k = 1 gives one cluster and no linkage (NULL). */
RlClustering *rl_hclust (const gsl_matrix *X,
                         RlLinkage         method,
                         guint             k,
                         GCancellable     *cancellable,
                         GError          **error);

G_END_DECLS
