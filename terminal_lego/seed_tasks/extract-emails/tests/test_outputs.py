from pathlib import Path
def test_emails():
    got = [l.strip() for l in Path('/app/task_file/emails.txt').read_text().splitlines() if l.strip()]
    assert got == ['ann.lee@example.com', 'bob+news@mail.example.org', 'ops@example.net']
