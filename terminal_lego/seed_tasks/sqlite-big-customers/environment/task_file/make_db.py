import sqlite3
db = sqlite3.connect('/app/task_file/shop.db')
db.executescript("""
create table customers(id integer primary key, name text);
create table orders(id integer primary key, customer_id integer, total real);
insert into customers values (1,'Alice'),(2,'Bob'),(3,'Carol'),(4,'Dave'),(5,'Eve');
insert into orders(customer_id,total) values (1,60),(1,70),(2,99),(3,250),(4,101),(5,30),(5,20),(2,1);
""")
db.commit()
