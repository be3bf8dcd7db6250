import csv
def test_rows():
    rows = list(csv.reader(open('/app/task_file/errors.csv')))
    assert rows[0] == ['module', 'count']
    assert rows[1:] == [['db', '3'], ['auth', '1'], ['cache', '1']]
