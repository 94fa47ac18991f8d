"""The demo reproduces the press-release figures when its raw rows are counted.

The demo is generated once for the package inside a transaction that is rolled back at the end
(conftest.py); every test runs in a savepoint inside it. Each figure is counted here with its own
ORM query, following the KPI definitions of docs (DOMAIN.md), or with the owning app's KPI selector
(jobs, satisfaction), never read from the generator.
"""
