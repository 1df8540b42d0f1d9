"""scikit-learn's side of the real-data bench (test/bench/real.ts): fits RandomForest(100),
HistGradientBoosting and LogisticRegression on exactly the folds and feature columns
Dealsight used, and prints one JSON object: per model the fit time of each fold (CPU time
of this process, and wall time) and the pooled out-of-fold predictions, with AUC, Brier and
equal-count ECE computed here too (the bench computes them again in TypeScript and checks
that both agree).

Usage: python3 sklearn_cv.py <table.json>
  table.json: {"features": [{"key", "kind": "numeric"|"categorical"}], "columns": {key: [value|null]},
               "y": [0|1], "fold": [0..k-1]}
One core: n_jobs=1, and the bench starts this with OMP_NUM_THREADS=1 (HistGradientBoosting
uses OpenMP threads). Needs numpy and scikit-learn (Debian: apt-get install python3-sklearn).
"""
import json
import sys
import time

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

# HistGradientBoosting's native categories must be codes below max_bins (255); rarer levels share the last code.
MAX_CATEGORY_CODES = 254


def equal_count_ece(y, p, bins=10):
    """Sort by prediction (ties by row), 10 groups of equal size (np.array_split), weighted mean |mean p - rate|."""
    order = np.lexsort((np.arange(len(p)), p))
    gap = 0.0
    for group in np.array_split(order, bins):
        if len(group) == 0:
            continue
        gap += len(group) * abs(p[group].mean() - y[group].mean())
    return gap / len(p)


def one_hot(numeric, categorical, scale):
    """One-hot categoricals (an empty cell is its own level) and numbers with the median for a gap plus a missing indicator."""
    number_steps = [SimpleImputer(strategy='median', add_indicator=True)]
    if scale:
        number_steps.append(StandardScaler())
    return ColumnTransformer([
        ('categorical', make_pipeline(SimpleImputer(strategy='constant', fill_value='(empty)'),
                                      OneHotEncoder(handle_unknown='ignore')), categorical),
        ('numeric', make_pipeline(*number_steps), numeric),
    ], sparse_threshold=0)  # dense, as the data sets' README measured: scikit-learn's forest on a sparse one-hot matrix is many times slower


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        table = json.load(f)
    features = table['features']
    y = np.asarray(table['y'], dtype=int)
    fold = np.asarray(table['fold'], dtype=int)
    n = len(y)
    numeric = [i for i, f in enumerate(features) if f['kind'] == 'numeric']
    categorical = [i for i, f in enumerate(features) if f['kind'] == 'categorical']

    # One matrix of objects for the one-hot models: text for categories, floats (NaN when empty) for numbers.
    X = np.empty((n, len(features)), dtype=object)
    for i, f in enumerate(features):
        values = table['columns'][f['key']]
        if f['kind'] == 'numeric':
            X[:, i] = [np.nan if v is None else float(v) for v in values]
        else:
            X[:, i] = [np.nan if v is None else str(v) for v in values]
    # Ordinal codes for HistGradientBoosting's native categories: levels by frequency (ties by name), NaN when empty.
    Xh = np.full((n, len(features)), np.nan)
    capped = []
    for i, f in enumerate(features):
        values = table['columns'][f['key']]
        if f['kind'] == 'numeric':
            Xh[:, i] = [np.nan if v is None else float(v) for v in values]
            continue
        counts = {}
        for v in values:
            if v is not None:
                counts[str(v)] = counts.get(str(v), 0) + 1
        ranked = sorted(counts, key=lambda level: (-counts[level], level))
        if len(ranked) > MAX_CATEGORY_CODES:
            capped.append(f"{f['key']} ({len(ranked)} levels)")
        code = {level: min(r, MAX_CATEGORY_CODES) for r, level in enumerate(ranked)}
        Xh[:, i] = [np.nan if v is None else code[str(v)] for v in values]

    models = {
        'rf': lambda: Pipeline([('encode', one_hot(numeric, categorical, scale=False)),
                                ('model', RandomForestClassifier(n_estimators=100, n_jobs=1, random_state=0))]),
        'hgb': lambda: HistGradientBoostingClassifier(categorical_features=[f['kind'] == 'categorical' for f in features],
                                                      random_state=0),
        'lr': lambda: Pipeline([('encode', one_hot(numeric, categorical, scale=True)),
                                ('model', LogisticRegression(max_iter=1000))]),
    }
    k = int(fold.max()) + 1
    out = {'sklearn': __import__('sklearn').__version__, 'rows': n, 'folds': k, 'capped': capped, 'models': {}}
    for name, build in models.items():
        matrix = Xh if name == 'hgb' else X
        oof = np.full(n, np.nan)
        fit_ms = []
        fit_cpu_ms = []
        for f in range(k):
            train, test = fold != f, fold == f
            model = build()
            start, cpu = time.perf_counter(), time.process_time()
            model.fit(matrix[train], y[train])
            fit_cpu_ms.append((time.process_time() - cpu) * 1000)
            fit_ms.append((time.perf_counter() - start) * 1000)
            oof[test] = model.predict_proba(matrix[test])[:, 1]
        out['models'][name] = {
            'fitMs': fit_ms,
            'fitCpuMs': fit_cpu_ms,
            'auc': roc_auc_score(y, oof),
            'brier': brier_score_loss(y, oof),
            'ece': equal_count_ece(y, oof),
            'predictions': oof.tolist(),
        }
        print(f'  {name}: {sum(fit_cpu_ms) / k:.0f} ms CPU per fold ({sum(fit_ms) / k:.0f} ms wall)', file=sys.stderr, flush=True)
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    main()
