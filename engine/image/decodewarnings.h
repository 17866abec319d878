#pragma once

#include <QStringList>

namespace pixelnest::engine
{

// Collects what Qt's image decoders say (qWarning from libjpeg, libpng, …) while this object
// lives, on this thread only: decoders report truncated or corrupt data that way and still
// return an image (a JPEG cut short comes back with its missing rows in grey). Other threads'
// messages go to the previous handler as before.
class DecodeWarnings final
{
public:
    DecodeWarnings();
    ~DecodeWarnings();
    DecodeWarnings(const DecodeWarnings&) = delete;
    DecodeWarnings& operator=(const DecodeWarnings&) = delete;

    const QStringList& messages() const { return m_messages; }
    // The decoder said the data ends early or is damaged (libjpeg's "Premature end of JPEG
    // file", "Corrupt JPEG data", a libpng CRC error, …).
    bool dataDamaged() const;

private:
    QStringList m_messages;
    DecodeWarnings* m_outer = nullptr;
};

} // namespace pixelnest::engine
