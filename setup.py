"Packaging for terminal_lego: everything is read from settings.ini (nbdev 2 layout)"
from configparser import ConfigParser
import setuptools

cfg = ConfigParser(delimiters=['='])
cfg.read('settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']
reqs = lambda key: cfg.get(key, '').split()
licenses = {'apache2': ('Apache Software License 2.0', 'OSI Approved :: Apache Software License')}
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable']
lic = licenses[cfg['license']]

setuptools.setup(
    name=cfg['repo'], version=cfg['version'], description=cfg['description'],
    long_description=open('README.md', encoding='utf-8').read(), long_description_content_type='text/markdown',
    author=cfg['author'], author_email=cfg['author_email'], license=lic[0], url=cfg['git_url'],
    keywords=cfg['keywords'], python_requires=f">={cfg['min_python']}",
    classifiers=[f"Development Status :: {statuses[int(cfg['status'])-1]}", f"License :: {lic[1]}",
                 f"Intended Audience :: {cfg['audience']}", 'Programming Language :: Python :: 3',
                 f"Natural Language :: {cfg['language']}"],
    packages=setuptools.find_packages(include=['terminal_lego', 'terminal_lego.*']),
    include_package_data=True, zip_safe=False,
    install_requires=reqs('requirements'),
    extras_require={'train': reqs('train_requirements'), 'gpu': reqs('gpu_requirements'),
                    'dev': reqs('dev_requirements'),
                    'all': reqs('train_requirements') + reqs('dev_requirements')},
    entry_points={'console_scripts': cfg['console_scripts'].split(), 'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
)
