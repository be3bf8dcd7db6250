import configparser
from pathlib import Path
D = Path('/app/task_file')
def cfg():
    c = configparser.ConfigParser(); c.read(D/'app.ini'); return c
def test_server_values():
    c = cfg(); assert c['server']['port'].strip() == '8080'; assert c['server']['debug'].strip() == 'false'
def test_database_untouched():
    c = cfg(); assert c['database']['port'].strip() == '5432'; assert c['database']['host'].strip() == 'db.internal'
def test_comments_kept(): assert '# production settings' in (D/'app.ini').read_text()
def test_check_script_ran(): assert (D/'config_ok').exists(), 'run check_config.sh after editing'
