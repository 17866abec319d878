#include "core/translations.h"

#include "core/logging.h"
#include "core/settings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace pixelnest::ui
{

namespace
{

const QString kLanguageKey = QStringLiteral("ui/language");

QTranslator* replaceTranslator(QCoreApplication& app, const QString& name)
{
    if (auto* old = app.findChild<QTranslator*>(name, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    auto* translator = new QTranslator(&app);
    translator->setObjectName(name);
    return translator;
}

} // namespace

QString savedLanguage()
{
    return openSettings()->value(kLanguageKey).toString();
}

void saveLanguage(const QString& language)
{
    openSettings()->setValue(kLanguageKey, language);
}

QString installTranslations(QCoreApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QTranslator* own = replaceTranslator(app, QStringLiteral("pixelnest-translator"));
    QString loaded;
    if (own->load(locale, QStringLiteral("pixelnest"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
        loaded = own->language().section(QLatin1Char('_'), 0, 0); // "ko_KR" → "ko"
    } else {
        qCDebug(lcUi) << "no Pixelnest translation for" << locale.uiLanguages();
    }
    QTranslator* qt = replaceTranslator(app, QStringLiteral("qt-translator"));
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
    if (!loaded.isEmpty()) {
        QLocale::setDefault(locale); // numbers and dates in the same language
    }
    return loaded;
}

} // namespace pixelnest::ui
