#pragma once

#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QWidget>

namespace pixelnest::ui
{

struct FaceBox
{
    QRectF box; // in the original image's pixels
    double score = 0;
};

// The faces of a result JSON ({"faces": [{"score", "box": {"x", "y", "width", "height"}}]}).
QList<FaceBox> facesFromResult(const QJsonObject& result);

// The detail pane's picture: the image scaled to fit, each face boxed with its score.
class ImageView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageView)

public:
    explicit ImageView(QWidget* parent = nullptr);

    // `originalSize`: the size the boxes refer to (the image may have been scaled down).
    void setImage(const QImage& image, const QSize& originalSize);
    void setFaces(const QList<FaceBox>& faces);
    void setMessage(const QString& message); // shown instead of an image
    bool hasImage() const { return !m_image.isNull(); }
    const QList<FaceBox>& faces() const { return m_faces; }

    QSize sizeHint() const override { return {480, 320}; }
    QSize minimumSizeHint() const override { return {160, 120}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void paintFaces(QPainter& painter, const QRectF& target) const;

    QImage m_image;
    QSize m_originalSize;
    QList<FaceBox> m_faces;
    QString m_message;
};

} // namespace pixelnest::ui
