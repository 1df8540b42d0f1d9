"""Fits scikit-learn's RandomForestClassifier(100) on the time split of a Salesforce-style
opportunity report export, as the bench's yardstick (design.md: Win Potential fit must
take at most half of its fit time). Prints one JSON object.

Usage: python3 sklearn_fit.py <report.csv>
Needs pandas and scikit-learn (Debian: apt-get install python3-sklearn python3-pandas).
"""
import json
import re
import sys
import time

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import brier_score_loss, roc_auc_score

CATEGORICAL = ['Type', 'Lead Source', 'Opportunity Owner', 'Owner Manager', 'Territory', 'Industry',
               'Billing Country', 'Billing State/Province', 'Product Name', 'Primary Contact Title', 'Contact Role']
NUMERIC = ['Amount', 'Employees', 'Annual Revenue']

df = pd.read_csv(sys.argv[1])
df = df[df['Closed'] == 1].copy()
df['close'] = pd.to_datetime(df['Close Date'], format='%m/%d/%Y')
df['created'] = pd.to_datetime(df['Created Date'], format='%m/%d/%Y')
# Ties on the close date in id order, digit runs as numbers: lib/engine/evaluate.ts's orderByTime.
df['id_key'] = df['Opportunity ID'].astype(str).map(lambda v: tuple((0, int(p), p) if p.isdigit() else (1, 0, p) for p in re.findall(r'\d+|\D+', v)))
df = df.sort_values(['close', 'id_key'], kind='stable')
y = df['Won'].values
X = pd.get_dummies(df[CATEGORICAL].fillna('(empty)')).astype(float)
for column in NUMERIC:
    X[column] = df[column].fillna(-1)
X['created_month'] = df['created'].dt.month
cut = int(round(len(df) * 0.8))
model = RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=1)
start = time.perf_counter()
model.fit(X.iloc[:cut], y[:cut])
fit_ms = (time.perf_counter() - start) * 1000
p = model.predict_proba(X.iloc[cut:])[:, 1]
print(json.dumps({'train': cut, 'test': len(df) - cut, 'fitMs': fit_ms,
                  'auc': roc_auc_score(y[cut:], p), 'brier': brier_score_loss(y[cut:], p)}))
