#!/usr/bin/env python3
"""Industry normalisation and size bands on the Fortune 1000 (docs/data-format.md, "Real data: Fortune 1000").

    python3 bench/datasets/fortune1000/segments.py write OUT
    territorybot score --data OUT/bands --json > OUT/bands.json
    territorybot score --data OUT/nobands --json > OUT/nobands.json
    python3 bench/datasets/fortune1000/segments.py measure OUT

`write` makes two data folders from fortune1000-2024.csv (industry = the Fortune Sector as given; revenue read as
$ thousands, or $ millions when under 10^6, as the source mixes both): `bands` with the default ICP, `nobands` with
icp.json {"sizeBands": {}}. `measure` prints the label figures, Spearman(icpFit, ICP weight of the sector) with the
industry dimension as scored and with it at 0 (before normalisation no sector name met a target name), and the
tier mix per employee band. Standard library only.
"""
import csv, json, math, os, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, '..', '..', '..', 'src', 'TerritoryBot', 'Import', 'industry-synonyms.tsv')
ICP = {"Software": 1.0, "Financial Services": 0.9, "Healthcare": 0.7, "Retail": 0.6, "Manufacturing": 0.6}


def write(out):
    rows = list(csv.DictReader(open(os.path.join(HERE, 'fortune1000-2024.csv'), encoding='utf-8-sig')))
    table = [['account_id', 'name', 'industry', 'employees', 'annual_revenue', 'country', 'region', 'city']]
    for i, x in enumerate(rows):
        v = float(x['Revenue'].replace('$', '').replace(',', '').strip())
        table.append(['F%04d' % (i + 1), x['Company'], x['Sector'], max(1, int(x['Number_of_employees'] or 0)),
                      v * 1e6 if v < 1e6 else v * 1e3, 'US', x['HeadquartersState'], x['HeadquartersCity']])
    for name, icp in (('bands', None), ('nobands', '{"sizeBands": {}}')):
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        csv.writer(open(os.path.join(d, 'accounts.csv'), 'w', newline='')).writerows(table)
        open(os.path.join(d, 'reps.csv'), 'w').write('rep_id,name,role,seniority,quota\nR1,Rep One,rep,senior,1800000\nR2,Rep Two,rep,junior,800000\n')
        open(os.path.join(d, 'opportunities.csv'), 'w').write('opportunity_id,account_id,owner_id,amount,stage,created_date,close_date\n')
        if icp:
            open(os.path.join(d, 'icp.json'), 'w').write(icp)


def spearman(x, y):
    def rank(v):
        order = sorted(range(len(v)), key=lambda i: v[i]); r = [0.0] * len(v); i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2
            i = j + 1
        return r
    rx, ry = rank(x), rank(y); mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    num = sum((p - mx) * (q - my) for p, q in zip(rx, ry))
    den = math.sqrt(sum((p - mx) ** 2 for p in rx) * sum((q - my) ** 2 for q in ry))
    return num / den


def measure(out):
    fortune = {}
    for line in open(TABLE):
        if not line.startswith('#'):
            label, industry, scheme = line.rstrip('\n').split('\t')
            if scheme == 'fortune':
                fortune[label] = industry
    accounts = {r['account_id']: r for r in csv.DictReader(open(os.path.join(out, 'bands', 'accounts.csv')))}
    bands, nobands = (json.load(open(os.path.join(out, n + '.json'))) for n in ('bands', 'nobands'))
    labels = bands['industries']
    print('labels %d, meeting an ICP industry %d (%d accounts), unmatched %d' % (
        len(labels), sum(l['isTarget'] for l in labels), sum(l['accounts'] for l in labels if l['isTarget']),
        sum(l['match'] == 'Unmatched' for l in labels)))
    weight, after, before = [], [], []
    for a in bands['accounts']:
        weight.append(ICP.get(fortune.get(accounts[a['accountId']]['industry'], ''), 0.0))
        industry = next(d['subScore'] for d in a['fit'] if d['dimension'] == 'Industry')
        after.append(a['icpFit'])
        before.append(1 + min(4, math.floor(max(0.0, min(1.0, a['fitScore'] - 0.35 * industry)) * 5)))
    print('Spearman(icpFit, ICP weight of the sector): before %.2f, after %.2f' % (spearman(before, weight), spearman(after, weight)))
    employees = {k: int(v['employees']) for k, v in accounts.items()}
    for name, doc in (('bands off', nobands), ('default bands', bands)):
        for band, test in (('10,000+', lambda e: e >= 10000), ('1,000-9,999', lambda e: 1000 <= e < 10000), ('under 1,000', lambda e: e < 1000)):
            mix = Counter(a['tier'] for a in doc['accounts'] if test(employees[a['accountId']]))
            print('%s %s: %s' % (name, band, ' / '.join(str(mix.get(t, 0)) for t in ('Strategic', 'Enterprise', 'Commercial', 'SMB'))))


if __name__ == '__main__':
    {'write': write, 'measure': measure}[sys.argv[1]](sys.argv[2])
